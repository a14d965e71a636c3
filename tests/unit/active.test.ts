/**
 * Remembered ids (store/active): kept in localStorage under their key, forgotten with null, and
 * never fatal when localStorage is missing or refuses.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTIVE_KEY, rememberActive, rememberedActive, rememberedId, rememberId } from '$lib/store/active';

function memoryStorage(): Storage {
	const m = new Map<string, string>();
	return {
		get length() {
			return m.size;
		},
		clear: () => m.clear(),
		getItem: (k) => m.get(k) ?? null,
		key: (i) => [...m.keys()][i] ?? null,
		removeItem: (k) => void m.delete(k),
		setItem: (k, v) => void m.set(k, String(v))
	};
}

afterEach(() => vi.unstubAllGlobals());

describe('remembered ids', () => {
	it('rememberId keeps an id under its key and null forgets it', () => {
		vi.stubGlobal('localStorage', memoryStorage());
		rememberId('dhr-lessons.compare-national', 'n1');
		rememberActive('a1');
		expect(rememberedId('dhr-lessons.compare-national')).toBe('n1');
		expect(rememberedActive()).toBe('a1');
		expect(localStorage.getItem(ACTIVE_KEY)).toBe('a1');
		rememberActive(null);
		expect(rememberedActive()).toBeNull();
		expect(rememberedId('dhr-lessons.compare-national')).toBe('n1');
	});

	it('without localStorage nothing is remembered and nothing throws', () => {
		expect(rememberedId('any')).toBeNull();
		expect(() => rememberId('any', 'x')).not.toThrow();
	});

	it('a localStorage that refuses is not fatal', () => {
		const refusing = { ...memoryStorage(), getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); } };
		vi.stubGlobal('localStorage', refusing);
		expect(() => rememberActive('a1')).not.toThrow();
		expect(rememberedActive()).toBeNull();
	});
});
