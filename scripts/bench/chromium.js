// Headless Chromium for the benchmark: a fresh profile per launch (a cold cache), the same flags as
// the browser tests, and the peak memory of the tab's renderer process read from the kernel.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { instrument } from './instrument.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchFresh() {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'dhr-bench-'));
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1280, height: 900 },
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	await context.addInitScript(instrument);
	const sampler = memorySampler(dir);
	return {
		context,
		dir,
		/** Peak resident memory (MB) of the largest renderer process so far. */
		peakMemoryMb: () => sampler.peak(),
		async close() {
			sampler.stop();
			await context.close().catch(() => {});
			await rm(dir, { recursive: true, force: true });
		}
	};
}

// --- memory -----------------------------------------------------------------------------------
// The tab is one renderer process (its page, its DuckDB worker and the worker's wasm memory all
// live in it). The kernel keeps its resident-set high-water mark (VmHWM in /proc/PID/status), so
// no peak between two samples is missed; we read it every 250 ms (and at the end) while it lives.

function readProc(pid, file) {
	try {
		return readFileSync(`/proc/${pid}/${file}`, 'utf8');
	} catch {
		return null;
	}
}

/** Renderer processes of the Chromium started with user-data-dir `dir`. */
function renderers(dir) {
	if (!existsSync('/proc')) return [];
	const procs = [];
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		const cmd = readProc(name, 'cmdline');
		if (!cmd) continue;
		const stat = readProc(name, 'stat');
		const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : 0;
		procs.push({ pid: Number(name), ppid, cmd });
	}
	const root = procs.find((p) => p.cmd.includes(`--user-data-dir=${dir}`) && !p.cmd.includes('--type='));
	if (!root) return [];
	const mine = new Set([root.pid]);
	for (let grew = true; grew; ) {
		grew = false;
		for (const p of procs) if (!mine.has(p.pid) && mine.has(p.ppid)) (mine.add(p.pid), (grew = true));
	}
	return procs.filter((p) => mine.has(p.pid) && p.cmd.includes('--type=renderer')).map((p) => p.pid);
}

function hwmKb(pid) {
	const m = /VmHWM:\s+(\d+) kB/.exec(readProc(pid, 'status') ?? '');
	return m ? Number(m[1]) : 0;
}

function memorySampler(dir) {
	let peakKb = 0;
	let pids = [];
	const sample = () => {
		pids = renderers(dir);
		for (const pid of pids) peakKb = Math.max(peakKb, hwmKb(pid));
	};
	const timer = setInterval(sample, 250);
	return {
		peak() {
			sample();
			return Math.round(peakKb / 1024);
		},
		stop() {
			sample();
			clearInterval(timer);
		}
	};
}
