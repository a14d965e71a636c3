/**
 * Collects the rows of one table column by column and turns them into an apache-arrow Table whose
 * columns, order, types and nullability are exactly those of the table's definition in
 * model/schema.ts (VARCHAR -> Utf8, INTEGER -> Int32, DATE -> DateDay, BOOLEAN -> Bool). Each value
 * is checked on the way in, so a generator bug fails at the row that caused it rather than as a
 * wrong column in the app.
 */
import { Field, makeData, RecordBatch, Schema, Struct, Table, type Data } from 'apache-arrow';
import { arrowType } from '../model/arrow';
import type { ColumnType, TableDef } from '../model/schema';
import { boolData, dateDayData, float64Data, int32Data, utf8Data } from './arrow-columns';

/** A cell: string for VARCHAR, integer for INTEGER, day number for DATE, boolean for BOOLEAN. */
export type Cell = string | number | boolean | null;

const JS_TYPE: Record<ColumnType, string> = { VARCHAR: 'string', INTEGER: 'number', DOUBLE: 'number', DATE: 'number', BOOLEAN: 'boolean' };

export class TableBuilder<Row extends Record<string, Cell>> {
	private readonly columns: Cell[][];

	constructor(readonly def: TableDef) {
		this.columns = def.columns.map(() => []);
	}

	get length(): number {
		return this.columns[0]?.length ?? 0;
	}

	append(row: Row): void {
		const cols = this.def.columns;
		for (let i = 0; i < cols.length; i++) {
			const c = cols[i];
			const v = row[c.name];
			if (v === undefined) throw new Error(`${this.def.name}.${c.name}: missing in row`);
			if (v === null) {
				if (c.required) throw new Error(`${this.def.name}.${c.name}: required but null`);
			} else if (typeof v !== JS_TYPE[c.type] || ((c.type === 'INTEGER' || c.type === 'DATE') && !Number.isInteger(v))) {
				throw new Error(`${this.def.name}.${c.name}: ${JSON.stringify(v)} is not a ${c.type}`);
			}
			this.columns[i].push(v);
		}
	}

	toTable(): Table {
		const fields = this.def.columns.map((c) => new Field(c.name, arrowType(c.type), !c.required));
		const children: Data[] = this.def.columns.map((c, i) => {
			const values = this.columns[i];
			switch (c.type) {
				case 'VARCHAR':
					return utf8Data(values as (string | null)[]);
				case 'INTEGER':
					return int32Data(values as (number | null)[]);
				case 'DOUBLE':
					return float64Data(values as (number | null)[]);
				case 'DATE':
					return dateDayData(values as (number | null)[]);
				case 'BOOLEAN':
					return boolData(values as (boolean | null)[]);
			}
		});
		const schema = new Schema(fields);
		const struct = makeData({ type: new Struct(fields), length: this.length, nullCount: 0, children });
		return new Table([new RecordBatch(schema, struct)]);
	}
}
