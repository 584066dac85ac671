// Generates a store for benchmarks: by default 2,000 goals, 6,000 indicators, 6,000 activities, each
// with an analysis of about 1 KB of Swedish text, followed up in T2. --namnd makes a nämnd's store
// (goals down to nämndmål, which it assesses); --periods VP,T1,T2,VB follows up each of those periods.
// Usage: node bench/generate.mjs OUT.json [--goals N --indicators N --activities N] [--namnd] [--periods P,P]
import {spawnSync} from 'node:child_process';
import {existsSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const args = process.argv.slice(2);
const out = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.match(/^--(goals|indicators|activities|periods)$/)) ?? 'bench/out/stor.json';
const opt = name => {
	const i = args.indexOf(`--${name}`);
	return i === -1 ? undefined : Number(args[i + 1]);
};
const GOALS = opt('goals') ?? 2000;
const INDICATORS = opt('indicators') ?? 6000;
const ACTIVITIES = opt('activities') ?? 6000;
const NAMNDENS = args.includes('--namnd');
const PERIODS = args.includes('--periods') ? args[args.indexOf('--periods') + 1].split(',') : ['T2'];

// A deterministic generator, so every run measures the same store.
let seed = 42;
const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = xs => xs[Math.floor(rnd() * xs.length)];

const MENINGAR = [
	'Området bedömer att enhetsmålet har uppnåtts delvis under året.',
	'Bedömningen grundar sig på att två av tre förväntade resultat har uppnåtts.',
	'Samtliga beslut har följts upp kontinuerligt för att säkerställa att insatserna stämmer med de beviljade.',
	'Biståndshandläggarna har medverkat på SIP-möten i hemmet och ser att mötena är av stor vikt för den enskilde.',
	'Arbetet med handlingsplanerna efter medarbetarenkäten fortsätter under nästa år med fokus på återkoppling.',
	'Sjukfrånvaron har minskat något jämfört med föregående år men ligger fortfarande över årsmålet.',
	'Enheten har genomfört utbildningar i informationssäkerhet, dataskydd och välfärdsbrott för samtliga medarbetare.',
	'Samverkan med vårdcentralerna har utvecklats och ett gemensamt arbetssätt för lotsning har tagits fram.',
	'Andelen ekologiska livsmedel har ökat men målet om sjuttio procent har inte nåtts fullt ut.',
	'Kvalitetsuppföljningar på individnivå har genomförts inom hemtjänsten och på vård- och omsorgsboenden.',
];
const text = bytes => {
	let s = '';
	let punkt = 1;
	while (Buffer.byteLength(s) < bytes) {
		if (rnd() < 0.15) s += `\n\nPunkt ${punkt++}:\n\n`;
		s += `${pick(MENINGAR)} `;
	}
	return s.trim();
};
const STATUS = ['helt', 'helt', 'delvis', 'inte', undefined];
const TILLSTAND = ['genomford', 'pagar', 'pagar', 'ej-paborjad', 'avbruten', undefined];

const goals = [];
const add = (id, niva, parentId) => {
	goals.push({
		id,
		niva,
		titel: `${niva === 'enhetsmal' ? 'Enheten' : 'Nämnden'} arbetar för mål ${id}: ${pick(MENINGAR).slice(0, 60)}`,
		...(parentId ? {parentId} : {}),
		...(niva === 'namndmal' ? {beskrivning: text(400)} : {}),
		forvantatResultat: niva === 'enhetsmal' || niva === 'namndmal' ? [1, 2, 3].map(nr => ({nr, text: pick(MENINGAR)})) : [],
	});
};
const IM = 3;
const VO = 16;
// A nämnd's store ends at its nämndmål; a unit's has 96 of them above its enhetsmål.
const NAMND = NAMNDENS ? GOALS - IM - VO : 96;
const ENHET = NAMNDENS ? 0 : GOALS - IM - VO - NAMND;
const vo = [];
const nm = [];
for (let i = 1; i <= IM; i++) add(String(i), 'im');
for (let i = 0; i < VO; i++) {
	const id = `${(i % IM) + 1}.${Math.floor(i / IM) + 1}`;
	vo.push(id);
	add(id, 'vo', id.split('.')[0]);
}
for (let i = 0; i < NAMND; i++) {
	const parent = vo[i % VO];
	const id = `${parent}.${Math.floor(i / VO) + 1}`;
	nm.push(id);
	add(id, 'namndmal', parent);
}
const enhet = [];
for (let i = 0; i < ENHET; i++) {
	const parent = nm[i % NAMND];
	const id = `${parent}.${Math.floor(i / NAMND) + 1}`;
	enhet.push(id);
	add(id, 'enhetsmal', parent);
}
// The goals the store assesses, under which its indicators and activities are.
const assessed = NAMNDENS ? nm : enhet;

const pct = v => `${v.toFixed(1).replace('.', ',')} %`;
const indicators = [];
const perGoal = new Map();
const nextId = (goalId, kind) => {
	const key = `${goalId}:${kind}`;
	const n = (perGoal.get(key) ?? 0) + 1;
	perGoal.set(key, n);
	return `${goalId}:${kind}${n}`;
};
for (let i = 0; i < INDICATORS; i++) {
	const malId = assessed[i % assessed.length];
	const lagre = rnd() < 0.3;
	const mal = 50 + Math.floor(rnd() * 40);
	indicators.push({
		id: nextId(malId, 'i'),
		malId,
		namn: lagre ? `Sjukfrånvaro grupp ${i}` : `Andel nöjda brukare ${i}`,
		enhet: '%',
		riktning: lagre ? 'lagre' : 'hogre',
		periodicitet: 'tertial',
		arsmal: {raw: pct(mal), value: mal, unit: '%'},
		kfArsmal: {raw: 'Tas fram av nämnd/styrelse'},
	});
}
const activities = [];
for (let i = 0; i < ACTIVITIES; i++) {
	const malId = assessed[(i * 7) % assessed.length];
	const slutManad = 1 + Math.floor(rnd() * 12);
	activities.push({
		id: nextId(malId, 'a'),
		malId,
		text: `${pick(MENINGAR)} (${i})`,
		start: '2025-01-01',
		slut: `2025-${String(slutManad).padStart(2, '0')}-28`,
		ursprung: NAMNDENS ? 'namnd' : 'enhet',
	});
}

/** One period's follow-up: outcomes, states and statuses (none in the VP, a plan) and ~1 KB analyses. */
function followUp(period) {
	const plan = period === 'VP';
	const goalFu = {};
	for (const id of assessed) goalFu[id] = {analys: text(1024)};
	const indFu = {};
	const met = new Map();
	for (const ind of indicators) {
		const u = ind.arsmal.value * (0.7 + rnd() * 0.5);
		indFu[ind.id] = plan
			? {analys: text(1024)}
			: {
					utfall: {raw: pct(u), value: Number(u.toFixed(1)), unit: '%'},
					man: {raw: pct(u - 2), value: Number((u - 2).toFixed(1)), unit: '%'},
					kvinnor: {raw: pct(u + 2), value: Number((u + 2).toFixed(1)), unit: '%'},
					analys: text(1024),
				};
		// Chefs mostly agree with their indicators: a goal's status follows them, one in six does not.
		const ok = ind.riktning === 'lagre' ? u <= ind.arsmal.value : u >= ind.arsmal.value;
		const m = met.get(ind.malId) ?? {ok: 0, all: 0};
		m.ok += ok ? 1 : 0;
		m.all++;
		met.set(ind.malId, m);
	}
	const aktFu = {};
	for (const a of activities) {
		const tillstand = pick(TILLSTAND);
		aktFu[a.id] = {...(tillstand ? {tillstand} : {}), analys: text(1024)};
	}
	if (!plan) {
		for (const id of assessed) {
			const m = met.get(id);
			const status = rnd() < 1 / 6 || !m ? pick(STATUS) : m.ok === m.all ? 'helt' : m.ok === 0 ? 'inte' : 'delvis';
			if (status) goalFu[id].status = status;
		}
	}
	return {goals: goalFu, indicators: indFu, activities: aktFu};
}

const store = {
	schemaVersion: 1,
	organisation: NAMNDENS ? {namn: 'Generinge nämnd', niva: 'namnd'} : {namn: 'Generinge enhet', niva: 'enhet', namnd: 'Generinge stadsdelsnämnd'},
	year: 2025,
	bedomdaNivaer: [NAMNDENS ? 'namndmal' : 'enhetsmal'],
	period: PERIODS.at(-1),
	goals,
	indicators,
	activities,
	followUp: Object.fromEntries(PERIODS.map(p => [p, followUp(p)])),
};
// Written as malkoll writes a store (keys in schema order, ids in natural order): `malkoll export
// --json` reads, validates and writes it canonically, as the first change by malkoll would.
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {stdio: 'inherit'});
const raw = `${out}.rå.json`;
writeFileSync(raw, `${JSON.stringify(store, null, 2)}\n`);
const exported = spawnSync(process.execPath, [cli, 'export', '--json', '--data', raw], {env: {...process.env, MALKOLL_CACHE: 'off'}, maxBuffer: 1 << 30});
rmSync(raw, {force: true});
if (exported.status !== 0) throw new Error(`export av den genererade storen misslyckades: ${exported.stderr}`);
writeFileSync(`${out}.tmp`, exported.stdout);
renameSync(`${out}.tmp`, out);
console.log(`${out}: ${goals.length} mål, ${indicators.length} indikatorer, ${activities.length} aktiviteter`);
