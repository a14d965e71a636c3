/**
 * A small seeded pseudo-random generator (mulberry32) and the sampling helpers the demo generator
 * needs. One `Rng` is created from the seed and threaded through every step, so the same seed gives
 * the same dataset byte for byte. Nothing in the generator may call Math.random or read the clock.
 */

export class Rng {
	private state: number;

	constructor(seed: number) {
		// Mix the seed once so that nearby seeds (1, 2, 3 ...) do not start on nearby streams.
		this.state = (Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
	}

	/** Uniform float in [0, 1). mulberry32: fast, 32-bit state, good enough for fake data. */
	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [lo, hi], both ends included. */
	int(lo: number, hi: number): number {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)];
	}

	/** Standard normal by Box-Muller (one value per call; simplicity over speed). */
	normal(mean = 0, sd = 1): number {
		const u = 1 - this.next(); // (0, 1], so log() is finite
		const v = this.next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/** Index drawn with probability proportional to weights[i] (weights >= 0, not all 0). */
	weightedIndex(weights: readonly number[]): number {
		let total = 0;
		for (const w of weights) total += w;
		let r = this.next() * total;
		for (let i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) return i;
		}
		// Rounding can leave r at ~0 after the loop: return the last positive weight.
		for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
		throw new Error('weightedIndex: all weights are zero');
	}

	/** Value drawn from [value, weight] pairs. */
	weighted<T>(pairs: readonly (readonly [T, number])[]): T {
		return pairs[this.weightedIndex(pairs.map((p) => p[1]))][0];
	}

	/** k distinct indexes, drawn one by one with probability proportional to the remaining weights. */
	weightedDistinct(weights: readonly number[], k: number): number[] {
		const w = weights.slice();
		const out: number[] = [];
		const available = w.filter((x) => x > 0).length;
		for (let n = Math.min(k, available); n > 0; n--) {
			const i = this.weightedIndex(w);
			out.push(i);
			w[i] = 0;
		}
		return out;
	}
}
