/** How a filter value is shown: labels for coded values, the value itself for names. */
import { themeLabel } from '../model/themes';
import { categoryLabel } from '../model/categories';
import { DEATH_TYPES, REVIEW_TYPES, SCOPES, STATUSES, AGENCY_SECTORS, labelOf } from '../model/vocab';
import type { Dimension } from './filters';

export function optionLabel(dim: Dimension, value: string): string {
	switch (dim) {
		case 'theme':
			return themeLabel(value);
		case 'category':
			return categoryLabel(value);
		case 'death_type':
			return labelOf(DEATH_TYPES, value);
		case 'review_type':
			return labelOf(REVIEW_TYPES, value);
		case 'scope':
			return labelOf(SCOPES, value);
		case 'status':
			return labelOf(STATUSES, value);
		case 'sector':
			return labelOf(AGENCY_SECTORS, value);
		default:
			return value;
	}
}
