// Generates a realistic .pra plan of a given size, and the same information as JSON.
// Proportions follow a large multi-site organisation: roles ≈ activities/20 (at least 10),
// assets ≈ activities/4 with `depends on` chains of depth ≤ 3, fallbacks ≈ activities/5 covering
// assets and activities, risks ≈ activities/10, procedures ≈ activities/10 with steps.
// Every reference resolves. Deterministic: the same size gives the same text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const criticalities = ['critical', 'high', 'high', 'medium', 'medium', 'medium', 'medium', 'low', 'low', 'low'];
const assetKinds = ['network', 'server', 'application', 'data'];
const leafKinds = ['saas', 'workstation', 'telephony', 'printer', 'internet', 'facility', 'other'];
const fallbackTypes = ['backup', 'restore', 'failover', 'redundancy', 'workaround'];
const riskCategories = ['cyber', 'fire', 'flood', 'power', 'hardware', 'software', 'network', 'supplier', 'human', 'theft'];
const impactCategories = ['financial', 'legal', 'reputation', 'operational', 'safety', 'data'];
const rtos = [60, 240, 480, 1440, 2880, 7200];
const pad = n => String(n).padStart(5, '0');

/** A duration in minutes written the way a consultant would: 4h, 2d, 1w, 30min. */
function duration(minutes) {
    if (minutes % 10080 === 0) return `${minutes / 10080}w`;
    if (minutes % 1440 === 0) return `${minutes / 1440}d`;
    if (minutes % 60 === 0) return `${minutes / 60}h`;
    return `${minutes}min`;
}

function isoDate(dayOffset) {
    const date = new Date(Date.UTC(2026, 9, 15) + dayOffset * 86400000);
    return date.toISOString().slice(0, 10);
}

/** A small deterministic generator (mulberry32): the same seed gives the same plan. */
export function random(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6D2B79F5) >>> 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/**
 * @param {{ activities: number, dense?: boolean }} options  `dense`: every asset also depends on two
 *   random earlier assets, so the dependency closures span most of the inventory.
 * @returns {{ text: string, json: string, info: object, counts: Record<string, number> }}
 */
export function generatePlan({ activities, dense = false }) {
    const n = activities;
    const counts = {
        activities: n,
        roles: Math.max(10, Math.round(n / 20)),
        assets: Math.max(8, Math.round(n / 4)),
        fallbacks: Math.max(4, Math.round(n / 5)),
        risks: Math.max(2, Math.round(n / 10)),
        procedures: Math.max(2, Math.round(n / 10)),
        exercises: Math.max(1, Math.round(n / 50))
    };
    const roleName = i => `Role-${pad(i % counts.roles)}`;
    const assetName = i => `Actif-${pad(i % counts.assets)}`;
    const activityName = i => `Activité-${pad(i % n)}`;
    const fallbackName = i => `Secours-${pad(i % counts.fallbacks)}`;
    const procedureName = i => `Proc-${pad(i % counts.procedures)}`;

    const info = {
        plan: {
            title: `Plan de continuité informatique — groupe de ${n} activités`,
            organisation: 'Groupe Multisite (fictif)', version: '3.2', date: isoDate(0), review: isoDate(180),
            language: 'fr', owner: roleName(0)
        },
        roles: [], assets: [], activities: [], fallbacks: [], risks: [], procedures: [], exercises: [],
        crisis: {
            alert: { how: 'Toute personne constatant la panne appelle la permanence', to: roleName(1) },
            activation: roleName(0), pilot: roleName(1), team: [roleName(0), roleName(1), roleName(2), roleName(3)],
            meeting: 'Salle de crise du siège, ou pont audio de secours'
        }
    };

    for (let i = 0; i < counts.roles; i++) {
        info.roles.push({
            name: roleName(i), title: `Responsable de l'unité ${i}`, holder: `Personne ${i}`,
            phone: `+33 6 00 ${pad(i).slice(1, 3)} ${pad(i).slice(3)} 00`, email: `role${i}@groupe.example`,
            deputy: roleName(i + 1), external: i % 17 === 5
        });
    }

    // Assets in groups of four: a base (network), a server on it, an application on the server,
    // data or a leaf asset on the application: chains of depth ≤ 3.
    // Every server also needs the one shared directory (the way a whole group depends on its
    // Active Directory): one asset used, through `depends on`, by every activity.
    info.assets.push({
        name: 'Annuaire-Central', title: 'Annuaire central et authentification', kind: 'server', owner: roleName(1), dependsOn: []
    });
    const next = random(20261130);
    for (let i = 0; i < counts.assets; i++) {
        const tier = i % 4;
        const kind = tier === 3 && i % 8 === 7 ? leafKinds[(i >> 3) % leafKinds.length] : assetKinds[tier];
        const asset = { name: assetName(i), title: `Élément informatique ${i} (${kind})`, kind, owner: roleName(i * 7), dependsOn: [] };
        if (tier > 0) asset.dependsOn.push(assetName(i - 1));
        if (tier === 1) asset.dependsOn.push('Annuaire-Central');
        if (dense && i > 1) {
            for (const pick of [Math.floor(next() * i), Math.floor(next() * i)]) {
                if (!asset.dependsOn.includes(assetName(pick))) asset.dependsOn.push(assetName(pick));
            }
        }
        if (kind === 'saas' || kind === 'internet') { asset.provider = `Fournisseur ${i % 40}`; asset.sla = rtos[i % rtos.length]; }
        if (kind === 'workstation') asset.count = 10 + (i % 50);
        info.assets.push(asset);
    }

    for (let i = 0; i < n; i++) {
        const criticality = criticalities[i % criticalities.length];
        const rto = rtos[(i >> 1) % 4 + (criticality === 'low' ? 2 : 0)];
        const base = (i * 4) % counts.assets;
        const activity = {
            name: activityName(i), title: `Activité métier ${i} du site ${i % 97}`, owner: roleName(i * 3),
            criticality, rto, rpo: Math.min(rto, 240 * (1 + (i % 3))), mtpd: rto * 3,
            impact: [
                { category: impactCategories[i % 6], level: 1 + (i % 4), after: rto },
                { category: impactCategories[(i + 2) % 6], level: 1 + ((i + 1) % 4) }
            ],
            uses: [assetName(base + 3), assetName(base + 2 + 4 * (i % 3))]
        };
        if (i % 10 === 3) {
            activity.manual = 'Saisie sur formulaire papier numéroté, transmis chaque soir';
            activity.catchup = procedureName(i);
        }
        info.activities.push(activity);
    }

    // Each group of four assets gets about three fallbacks: the first pass covers the application
    // and its data, the second the network and the server, later ones the data again. Each also
    // covers an activity directly.
    const groups = Math.ceil(counts.assets / 4);
    for (let i = 0; i < counts.fallbacks; i++) {
        const type = fallbackTypes[i % fallbackTypes.length];
        const g = (i % groups) * 4, pass = Math.floor(i / groups);
        const covers = pass === 0 ? [assetName(g + 2), assetName(g + 3)]
            : pass === 1 ? [assetName(g), assetName(g + 1)]
            : [assetName(g + 3)];
        covers.push(activityName(i * 5));
        if (i === 0) covers.push('Annuaire-Central');
        // The base network of the next group: never one it covers, so never self-dependent.
        const dependsOn = [assetName(g + 4)];
        info.fallbacks.push({
            name: fallbackName(i), title: `Moyen de secours ${i}`, type,
            mode: i % 3 === 0 ? 'organisational' : 'technical', resource: i % 2 === 0 ? 'internal' : 'external',
            covers, rto: pass === 1 || i % 3 === 0 ? 60 : 240, rpo: [15, 60, 240][i % 3], dependsOn,
            cost: { amount: 100 + (i % 90) * 50, currency: 'EUR', period: 'per year' },
            tested: isoDate(-(i % 300)), offsite: type === 'backup', offline: type === 'backup' && i % 2 === 0,
            owner: roleName(i * 11), contract: `CTR-${pad(i)}`
        });
    }
    info.fallbacks.push({
        name: 'Communication-Crise', title: 'Communication de crise', type: 'communication', mode: 'organisational',
        resource: 'internal', covers: [activityName(0)], audience: ['staff', 'clients'], owner: roleName(0)
    });

    for (let i = 0; i < counts.risks; i++) {
        const likelihood = 1 + (i % 4), impact = 1 + ((i * 3) % 4);
        info.risks.push({
            name: `Risque-${pad(i)}`, title: `Risque ${i}`, category: riskCategories[i % riskCategories.length],
            likelihood, impact, downtime: rtos[i % rtos.length],
            targets: i % 10 === 0 ? [assetName(i * 3), 'Annuaire-Central'] : [assetName(i * 3), assetName(i * 3 + 1)],
            mitigatedBy: [fallbackName(i * 2), fallbackName(i * 2 + 1)],
            residual: { likelihood: Math.max(1, likelihood - 1), impact: Math.max(1, impact - 1) }, owner: roleName(i * 5)
        });
    }

    for (let i = 0; i < counts.procedures; i++) {
        info.procedures.push({
            name: procedureName(i), title: `Procédure de reprise ${i}`, phase: i % 2 === 0 ? 'after' : 'during',
            for: [activityName(i * 10 + 3)], owner: roleName(i * 13),
            steps: [
                { text: 'Prévenir les équipes concernées', by: roleName(i), within: 30 },
                { text: 'Basculer sur le moyen de secours', by: roleName(i + 1), within: 60 },
                { text: 'Ressaisir les opérations de la période dégradée', by: roleName(i + 2) }
            ]
        });
    }

    for (let i = 0; i < counts.exercises; i++) {
        info.exercises.push({
            name: `Exercice-${pad(i)}`, title: `Test de reprise ${i}`, date: isoDate(-(i % 200)),
            tests: [fallbackName(i * 10), procedureName(i)], result: i % 5 === 0 ? 'partial' : 'passed'
        });
    }

    return { text: toPra(info), json: JSON.stringify(info), info, counts };
}

function toPra(info) {
    const out = (info.imports ?? []).map(file => `import "${file}"\n`);
    const p = info.plan;
    if (p) {
        out.push(`plan "${p.title}" {\n    organisation "${p.organisation}"\n    version "${p.version}"\n    date ${p.date}\n`
            + `    review ${p.review}\n    language ${p.language}\n    owner ${p.owner}\n}\n`);
    }
    for (const r of info.roles) {
        out.push(`role ${r.name} "${r.title}" {\n    holder "${r.holder}"\n    phone "${r.phone}"\n    email "${r.email}"\n`
            + `    deputy ${r.deputy}\n${r.external ? '    external\n' : ''}}\n`);
    }
    for (const a of info.assets) {
        let s = `asset ${a.name} "${a.title}" {\n    kind ${a.kind}\n    owner ${a.owner}\n`;
        if (a.dependsOn.length) s += `    depends on ${a.dependsOn.join(', ')}\n`;
        if (a.provider) s += `    provider "${a.provider}"\n    sla ${duration(a.sla)}\n`;
        if (a.count) s += `    count ${a.count}\n`;
        out.push(s + '}\n');
    }
    for (const a of info.activities) {
        let s = `activity ${a.name} "${a.title}" {\n    owner ${a.owner}\n    criticality ${a.criticality}\n    rto ${duration(a.rto)}\n`
            + `    rpo ${duration(a.rpo)}\n    mtpd ${duration(a.mtpd)}\n    impact {\n`;
        for (const line of a.impact) s += `        ${line.category} ${line.level}${line.after ? ` after ${duration(line.after)}` : ''}\n`;
        s += `    }\n    uses ${a.uses.join(', ')}\n`;
        if (a.manual) s += `    manual "${a.manual}"\n    catchup ${a.catchup}\n`;
        out.push(s + '}\n');
    }
    for (const f of info.fallbacks) {
        let s = `fallback ${f.name} "${f.title}" {\n    type ${f.type}\n    mode ${f.mode}\n    resource ${f.resource}\n`
            + `    covers ${f.covers.join(', ')}\n`;
        if (f.rto) s += `    rto ${duration(f.rto)}\n    rpo ${duration(f.rpo)}\n`;
        if (f.dependsOn) s += `    depends on ${f.dependsOn.join(', ')}\n`;
        if (f.cost) s += `    cost ${f.cost.amount} ${f.cost.currency} ${f.cost.period}\n`;
        if (f.contract) s += `    contract "${f.contract}"\n`;
        if (f.tested) s += `    tested ${f.tested}\n`;
        if (f.offsite) s += '    offsite\n';
        if (f.offline) s += '    offline\n';
        if (f.audience) s += `    audience ${f.audience.join(', ')}\n`;
        out.push(s + `    owner ${f.owner}\n}\n`);
    }
    for (const r of info.risks) {
        out.push(`risk ${r.name} "${r.title}" {\n    category ${r.category}\n    likelihood ${r.likelihood}\n    impact ${r.impact}\n`
            + `    downtime ${duration(r.downtime)}\n    targets ${r.targets.join(', ')}\n    mitigated by ${r.mitigatedBy.join(', ')}\n`
            + `    residual likelihood ${r.residual.likelihood} impact ${r.residual.impact}\n    owner ${r.owner}\n}\n`);
    }
    const c = info.crisis;
    if (c) out.push(`crisis {\n    alert "${c.alert.how}" to ${c.alert.to}\n    activation ${c.activation}\n    pilot ${c.pilot}\n`
        + `    team ${c.team.join(', ')}\n    meeting "${c.meeting}"\n}\n`);
    for (const pr of info.procedures) {
        let s = `procedure ${pr.name} "${pr.title}" {\n    phase ${pr.phase}\n    for ${pr.for.join(', ')}\n    owner ${pr.owner}\n`;
        for (const st of pr.steps) s += `    step "${st.text}" by ${st.by}${st.within ? ` within ${duration(st.within)}` : ''}\n`;
        out.push(s + '}\n');
    }
    for (const e of info.exercises) {
        out.push(`exercise ${e.name} "${e.title}" {\n    date ${e.date}\n    tests ${e.tests.join(', ')}\n    result ${e.result}\n}\n`);
    }
    return out.join('\n');
}

/** Writes the plan (and its JSON) to a temp folder, or to `folder`; returns the paths. */
export function writePlan(activities, folder = mkdtempSync(path.join(tmpdir(), 'pra-bench-')), dense = false) {
    const plan = generatePlan({ activities, dense });
    const suffix = dense ? '-dense' : '';
    const file = path.join(folder, `plan-${activities}${suffix}.pra`);
    const jsonFile = path.join(folder, `plan-${activities}${suffix}.json`);
    writeFileSync(file, plan.text);
    writeFileSync(jsonFile, plan.json);
    return { ...plan, file, jsonFile, folder };
}

/**
 * The multi-file layout of a large organisation: one shared `inventory.pra` (roles, assets, the
 * fallbacks of the assets, risks, the crisis block) and `departments` files `dept-NN.pra`, each a
 * plan of its own importing the inventory, with its share of the activities, the procedures `for`
 * them (an activity's `catchup` is the procedure written for it) and the exercises of those
 * procedures. The same data as `generatePlan({ activities })`, except that fallbacks cover assets
 * only (an inventory cannot name an activity of a department). Every reference resolves.
 * @returns {{ files: Array<{ name: string, text: string }>, counts: Record<string, number> }}
 */
export function generateDepartments({ activities, departments = 50, dense = false }) {
    const { info, counts } = generatePlan({ activities, dense });
    const per = Math.ceil(activities / departments);
    const deptOfActivity = name => Math.floor(Number(name.slice(name.lastIndexOf('-') + 1)) / per);
    const inventory = {
        roles: info.roles, assets: info.assets, activities: [], risks: info.risks, procedures: [], exercises: [],
        fallbacks: info.fallbacks.filter(f => f.name !== 'Communication-Crise')
            .map(f => ({ ...f, covers: f.covers.filter(c => !c.startsWith('Activité-')) })),
        crisis: info.crisis
    };
    const files = [{ name: 'inventory.pra', text: toPra(inventory) }];
    const procedureFor = new Map(info.procedures.map(p => [p.for[0], p.name]));
    const deptOfProcedure = new Map(info.procedures.map(p => [p.name, deptOfActivity(p.for[0])]));
    for (let d = 0; d < departments; d++) {
        const own = info.activities.slice(d * per, (d + 1) * per).map(a => {
            const activity = { ...a };
            if (activity.catchup) activity.catchup = procedureFor.get(a.name);
            if (!activity.catchup) { delete activity.catchup; delete activity.manual; }
            return activity;
        });
        const dept = {
            imports: ['inventory.pra'],
            plan: { ...info.plan, title: `Plan de continuité — département ${d}` },
            roles: [], assets: [], activities: own, risks: [],
            fallbacks: d === 0 ? info.fallbacks.filter(f => f.name === 'Communication-Crise') : [],
            procedures: info.procedures.filter(p => deptOfProcedure.get(p.name) === d),
            exercises: info.exercises.filter(e => deptOfProcedure.get(e.tests[1]) === d)
        };
        files.push({ name: `dept-${String(d).padStart(2, '0')}.pra`, text: toPra(dept) });
    }
    return { files, counts: { ...counts, departments } };
}

/** Writes the multi-file layout to a temp folder, or to `folder`; returns the paths. */
export function writeDepartments(activities, folder = mkdtempSync(path.join(tmpdir(), 'pra-bench-depts-')), departments = 50) {
    const layout = generateDepartments({ activities, departments });
    const paths = layout.files.map(f => {
        const file = path.join(folder, f.name);
        writeFileSync(file, f.text);
        return file;
    });
    return { ...layout, paths, folder };
}
