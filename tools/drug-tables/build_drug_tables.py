#!/usr/bin/env python3
"""Builds the bundled drug tables of no.pgx.terminology.drug from the team reference data.

Inputs (development time only; the product never reads them):
  /work/shared/reference/drugs.csv, cyp_modulators.csv, rxnorm_products.csv, recommendation_texts.csv
  supplement.csv      hand-curated rows for perpetrators/alternatives that are not rule-base drugs
  verified_*.csv      evidence found with the search tools (Norwegian names, ATC, RxNorm, SNOMED)
Outputs: drugs.csv, atc-combinations.csv, rxnorm-products.csv in OUT_DIR (default: the module's bundled resources).
Run: python3 tools/drug-tables/build_drug_tables.py
Development tool only (reads /work/shared/reference); not used by the build or at run time.
"""
import csv, io, os, re, sys, unicodedata
from collections import OrderedDict, defaultdict

REF = '/work/shared/reference'
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(
    os.path.join(HERE, '..', '..', 'terminology', 'src', 'main', 'resources', 'no', 'pgx', 'terminology', 'drug'))
VERSION = '2026-11-23'
REF_SRC = 'team reference drugs.csv (holdout/build_terminology.py, 2026-11-22)'
EMA = 'EMA ATC list hl7-eu/unicom-ig@20fc5214'

# English synonyms and salt names for the rule-base drugs (recall; they only widen name matching).
SYN = {
 'abacavir': ['abacavir sulfate'], 'acenocoumarol': ['nicoumalone'], 'amikacin': ['amikacin sulfate'],
 'amitriptyline': ['amitriptyline hydrochloride'], 'atazanavir': ['atazanavir sulfate'],
 'atomoxetine': ['atomoxetine hydrochloride'], 'atorvastatin': ['atorvastatin calcium'],
 'citalopram': ['citalopram hydrobromide'], 'clomipramine': ['clomipramine hydrochloride'],
 'clopidogrel': ['clopidogrel bisulfate', 'clopidogrel hydrogen sulfate', 'clopidogrel besilate'],
 'codeine': ['codeine phosphate', 'codeine sulfate', 'methylmorphine'],
 'doxepin': ['doxepin hydrochloride'], 'eliglustat': ['eliglustat tartrate'],
 'escitalopram': ['escitalopram oxalate'], 'flecainide': ['flecainide acetate'],
 'flucloxacillin': ['floxacillin'], 'flucytosine': ['5-fluorocytosine', '5-FC'],
 'fluorouracil': ['5-fluorouracil', '5-FU'], 'fluvastatin': ['fluvastatin sodium'],
 'fluvoxamine': ['fluvoxamine maleate'], 'fosphenytoin': ['fosphenytoin sodium'],
 'gentamicin': ['gentamicin sulfate'], 'haloperidol': ['haloperidol decanoate'],
 'hydrocodone': ['hydrocodone bitartrate'], 'imipramine': ['imipramine hydrochloride'],
 'irinotecan': ['irinotecan hydrochloride'], 'mercaptopurine': ['6-mercaptopurine', '6-MP'],
 'methylene blue': ['methylthioninium chloride', 'methylthioninium'],
 'metoprolol': ['metoprolol succinate', 'metoprolol tartrate'],
 'nortriptyline': ['nortriptyline hydrochloride'], 'ondansetron': ['ondansetron hydrochloride'],
 'paroxetine': ['paroxetine hydrochloride'], 'phenytoin': ['diphenylhydantoin', 'phenytoin sodium'],
 'pravastatin': ['pravastatin sodium'], 'primaquine': ['primaquine phosphate'],
 'propafenone': ['propafenone hydrochloride'],
 'rosuvastatin': ['rosuvastatin calcium'], 'sertraline': ['sertraline hydrochloride'],
 'succinylcholine': ['suxamethonium', 'suxamethonium chloride', 'succinylcholine chloride', 'suksametonklorid'],
 'tacrolimus': ['FK506'], 'tamoxifen': ['tamoxifen citrate'],
 'thioguanine': ['tioguanine', '6-thioguanine', '6-TG'],
 'toluidine blue': ['tolonium chloride', 'tolonium'], 'tramadol': ['tramadol hydrochloride'],
 'venlafaxine': ['venlafaxine hydrochloride'], 'warfarin': ['warfarin sodium'],
 'zuclopenthixol': ['zuclopenthixol decanoate', 'zuclopenthixol acetate', 'zuclopentixol'],
 'quetiapine': ['quetiapine fumarate', 'quetiapin'],
 'methoxyflurane': [], 'pegloticase': [], 'rasburicase': [],
}
# Concrete alternatives named by the guidelines that the reference vocabulary spells differently.
ALT_ALIASES = {'tioguanine': 'thioguanine', 'amphotericin': 'amphotericin b'}
ALT_NOT_SUBSTANCES = {'nsaid', 'aromatase inhibitor'}
EXTRA_PERPETRATORS = {'clobazam'}  # added by the phenoconversion table (Cicali 2020), not in the reference
EXTRA_ALTERNATIVES = {'letrozole', 'exemestane', 'levetiracetam', 'clonidine', 'disopyramide', 'flupentixol', 'ketorolac', 'naproxen', 'noscapine', 'penfluridol', 'sulindac'}  # named in the issue, checked below

# ATC prefixes whose codes are local (skin, eye, ear, throat, vagina, mouth, rectum/anus, topical joint) forms.
LOCAL_PREFIXES = ('D', 'S01', 'S02', 'S03', 'R02', 'R01A', 'G01', 'G02CC', 'M02', 'A01A', 'C05A')
SYSTEMIC_D = ('D01B', 'D05B', 'D10B', 'D11AH05', 'D11AH04')

def is_local_atc(code):
    return code.startswith(LOCAL_PREFIXES) and not code.startswith(SYSTEMIC_D)

def norm(s):
    s = unicodedata.normalize('NFD', s.lower())
    s = ''.join(c for c in s if unicodedata.category(c) != 'Mn')
    s = s.replace('ø', 'o').replace('æ', 'ae')
    return ' '.join(re.sub(r'[^a-z0-9]+', ' ', s).split())

def read(path):
    with open(path, encoding='utf-8') as f:
        return list(csv.DictReader(l for l in f if not l.startswith('#')))

def split(s):
    return [x.strip() for x in (s or '').split('|') if x.strip()]

def parse_combos(s):
    out = []
    for item in split(s):
        m = re.match(r'^([A-Z]\d\d[A-Z][A-Z]\d\d)\s*(?:\((.*)\))?\s*(\[manual\])?$', item)
        if not m:
            raise SystemExit('bad combination item: ' + item)
        out.append((m.group(1), (m.group(2) or '').strip(), bool(m.group(3))))
    return out

def load_verified(name, key_fields):
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        return {}
    return {tuple(r[k] for k in key_fields): r for r in read(path)}

def main():
    ref = read(f'{REF}/drugs.csv')
    mods = read(f'{REF}/cyp_modulators.csv')
    sup = read(os.path.join(HERE, 'supplement.csv'))
    texts = read(f'{REF}/recommendation_texts.csv')
    v_nb = load_verified('verified_name_nb.csv', ['id'])
    v_atc = load_verified('verified_atc.csv', ['id', 'atc'])
    v_rx = load_verified('verified_rxnorm.csv', ['id'])
    v_sct = load_verified('verified_snomed.csv', ['id'])

    concepts = OrderedDict()
    combos = defaultdict(list)  # code -> [(label, manual, source)]
    listed = defaultdict(set)   # code -> ids of concepts whose row lists the code
    for r in ref:
        d = r['drug']
        atcs = split(r['atc'])
        legacy = []
        m = re.search(r'legacy ATC in EMA list: ([A-Z0-9|]+)', r['routes_note'])
        if m:
            legacy = split(m.group(1))
        for code, label, manual in parse_combos(r['atc_combinations']):
            combos[code].append((label, manual, 'recall' if manual else EMA))
            listed[code].add(d)
        concepts[d] = dict(
            id=d, name_en=d, name_nb=r['name_nb'], synonyms=SYN.get(d, []), roles=['rule'],
            atc=[a for a in atcs if not is_local_atc(a)], atc_local=[a for a in atcs if is_local_atc(a)],
            atc_legacy=legacy, rxnorm=r['rxnorm_ingredient'],
            rxnorm_conf=('source-checked' if r['rxnorm_source'].startswith('CPIC') else
                         ('recall-unverified' if r['rxnorm_ingredient'] else '')),
            rxnorm_src=(r['rxnorm_source'] or ''), atc_conf=r['confidence'],
            atc_src=(EMA if r['confidence'] == 'source-checked' else 'recall') + '; via ' + REF_SRC,
            pharmgkb=r['pharmgkb_id'], note=r['routes_note'])
    sup_by_id = {s['id']: s for s in sup}
    mod_ids = OrderedDict()
    for m in mods:
        mod_ids.setdefault(m['drug'], m)
    alt_ids = set()
    for t in texts:
        for a in split(t['alternatives_named']):
            if a in ALT_NOT_SUBSTANCES:
                continue
            alt_ids.add(ALT_ALIASES.get(a, a))
    alt_ids |= EXTRA_ALTERNATIVES
    for extra in sorted(EXTRA_PERPETRATORS):
        mod_ids.setdefault(extra, {'drug': extra, 'atc': sup_by_id[extra]['atc'], 'name_nb': sup_by_id[extra]['name_nb'], 'confidence': 'recall-unverified'})
    for d in list(mod_ids) + sorted(alt_ids):
        if d in concepts:
            role = 'perpetrator' if d in mod_ids else 'alternative'
            if role not in concepts[d]['roles']:
                concepts[d]['roles'].append(role)
            continue
        s = sup_by_id.get(d)
        if s is None:
            raise SystemExit('no supplement row for ' + d)
        atcs = split(s['atc'])
        for code, label, manual in parse_combos(s['atc_combinations']):
            combos[code].append((label, manual, 'recall'))
            listed[code].add(d)
        roles = (['perpetrator'] if d in mod_ids else []) + (['alternative'] if d in alt_ids else [])
        mrow = mod_ids.get(d)
        if mrow is not None and mrow['atc']:
            # cross-check the supplement against the reference perpetrator table
            for a in split(mrow['atc']):
                if a not in atcs and a not in split(s['atc_local']):
                    raise SystemExit(f'{d}: reference ATC {a} missing from supplement')
        concepts[d] = dict(
            id=d, name_en=d, name_nb=s['name_nb'], synonyms=split(s['synonyms']), roles=roles,
            atc=atcs, atc_local=split(s['atc_local']), atc_legacy=[], rxnorm=s['rxnorm_ingredient'],
            rxnorm_conf='recall-unverified' if s['rxnorm_ingredient'] else '', rxnorm_src='recall' if s['rxnorm_ingredient'] else '',
            atc_conf='recall-unverified' if (atcs or s['atc_local']) else '',
            atc_src='recall' if (atcs or s['atc_local']) else '', pharmgkb='', note=s['note'])
        if mrow is not None and mrow['atc'] and mrow['confidence'] == 'source-checked' \
                and 'EMA ATC list' in mrow['atc_check'] and not s['atc_local']:
            concepts[d]['atc_conf'] = 'source-checked'
            concepts[d]['atc_src'] = EMA + '; via team reference cyp_modulators.csv'
    # evidence found with the search tools
    for c in concepts.values():
        v = v_nb.get((c['id'],))
        if v:
            if norm(v['name_nb']) != norm(c['name_nb']):
                raise SystemExit(f"{c['id']}: verified Norwegian name {v['name_nb']} != {c['name_nb']}")
            c['nb_conf'], c['nb_src'] = 'source-checked', v['evidence']
        else:
            c['nb_conf'], c['nb_src'] = 'recall-unverified', 'recall (Norwegian INN spelling rules)'
        codes = c['atc'] + c['atc_local']
        if c['atc_conf'] != 'source-checked' and codes and all((c['id'], a) in v_atc for a in codes):
            c['atc_conf'] = 'source-checked'
            c['atc_src'] = '; '.join(sorted({v_atc[(c['id'], a)]['evidence'] for a in codes}))
        v = v_rx.get((c['id'],))
        if v:
            if v['rxnorm'] != c['rxnorm']:
                raise SystemExit(f"{c['id']}: verified RxNorm {v['rxnorm']} != {c['rxnorm']}")
            if c['rxnorm_conf'] != 'source-checked':
                c['rxnorm_conf'], c['rxnorm_src'] = 'source-checked', v['evidence']
        v = v_sct.get((c['id'],))
        c['snomed'], c['sct_conf'], c['sct_src'] = (v['snomed'], 'source-checked', v['evidence']) if v else ('', '', '')
    write_drugs(concepts)
    write_combos(concepts, combos, listed, v_atc)
    write_products(concepts)

def header(out, title, sources, licence, columns_doc):
    out.write(f'# {title}\n# version: {VERSION}\n')
    for s in sources:
        out.write(f'# source: {s}\n')
    out.write(f'# licence: {licence}\n')
    for c in columns_doc:
        out.write(f'# {c}\n')

def write_drugs(concepts):
    cols = ['id', 'name_en', 'name_nb', 'synonyms', 'roles', 'atc', 'atc_local', 'atc_legacy', 'rxnorm_ingredient',
            'snomed', 'atc_confidence', 'atc_source', 'name_nb_confidence', 'name_nb_source', 'rxnorm_confidence',
            'rxnorm_source', 'snomed_confidence', 'snomed_source', 'pharmgkb_id', 'note']
    with open(os.path.join(OUT, 'drugs.csv'), 'w', encoding='utf-8', newline='') as f:
        header(f, 'PGx drug concepts: rule-base drugs, CYP perpetrators and guideline-named alternatives',
               [REF_SRC + ' (98 rule-base drugs: ATC from ' + EMA + ', RxNorm ingredients from CPIC drugs.json via PharmGKB/PharmCAT@5f2cedbf)',
                'team reference cyp_modulators.csv (perpetrators) and recommendation_texts.csv column alternatives_named (alternatives)',
                'search-tool evidence named per row in *_source columns; everything else is recall and marked recall-unverified'],
               'ATC codes: WHO Collaborating Centre for Drug Statistics Methodology (codes used as identifiers only, no ATC index text); '
               'RxNorm: NLM public domain part; SNOMED CT codes only where verified (SNOMED International licence applies to use); '
               'compilation CC0 like the CPIC data it is built from',
               ['columns: multi-valued fields are |-separated; atc = single-substance systemic codes; atc_local = single-substance '
                'codes of local forms (skin, eye, ear, throat, mouth, vagina); atc_legacy = withdrawn codes still sent by older systems',
                'roles: rule (has CPIC/DPWG recommendations), perpetrator (CYP inhibitor/inducer), alternative (named as alternative)',
                'confidence: source-checked = matched in the named source; recall-unverified = from memory, not found in a source; empty = no value'])
        w = csv.writer(f, lineterminator='\n')
        w.writerow(cols)
        for c in concepts.values():
            w.writerow([c['id'], c['name_en'], c['name_nb'], '|'.join(c['synonyms']), '|'.join(c['roles']),
                        '|'.join(c['atc']), '|'.join(c['atc_local']), '|'.join(c['atc_legacy']), c['rxnorm'],
                        c['snomed'], c['atc_conf'], c['atc_src'], c['nb_conf'], c['nb_src'], c['rxnorm_conf'],
                        c['rxnorm_src'], c['sct_conf'], c['sct_src'], c['pharmgkb'], c['note']])

def names_in(label, concepts):
    """Catalog concepts whose English name or synonym occurs as whole words in a WHO/EMA combination label."""
    t = ' ' + norm(label) + ' '
    found = []
    for c in concepts.values():
        for n in [c['name_en']] + c['synonyms']:
            if ' ' + norm(n) + ' ' in t:
                found.append(c['id'])
                break
    return found

# Codes whose labels name no substance: ingredients decided by hand (recall).
MANUAL_COMBOS = {
 'B01AC30': ([], ['acetylsalicylic acid', 'clopidogrel', 'dipyridamole'],
             'WHO group "combinations" of platelet inhibitors: products pair acetylsalicylic acid with clopidogrel or dipyridamole (recall)'),
}

def write_combos(concepts, combos, listed, v_atc):
    with open(os.path.join(OUT, 'atc-combinations.csv'), 'w', encoding='utf-8', newline='') as f:
        header(f, 'ATC codes of combination products and the catalog substances they contain',
               ['labels from ' + EMA + ' via ' + REF_SRC + ' (atc_combinations column)',
                'codes of perpetrator/alternative combinations: recall (marked)'],
               'ATC codes: WHOCC (identifiers only); labels are short EMA/WHO group names kept to explain the mapping',
               ['ingredients = catalog substances named in every label of the code (present in every product);',
                'possible_ingredients = named in only some labels (the EMA list repeats one code under several names) '
                'or a group code: the product text decides; until then a caller must treat them as possibly present'])
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['atc', 'ingredients', 'possible_ingredients', 'labels', 'confidence', 'source'])
        for code in sorted(combos):
            entries = combos[code]
            labels = sorted({l for l, _, _ in entries if l})
            if code in MANUAL_COMBOS:
                definite, possible, why = MANUAL_COMBOS[code]
                w.writerow([code, '|'.join(definite), '|'.join(possible), why, 'recall-unverified', 'recall'])
                continue
            per_label = [set(names_in(l, concepts)) for l in labels]
            if not per_label or not any(per_label):
                raise SystemExit(f'{code}: no catalog substance in labels {labels}')
            definite = set.intersection(*per_label)
            # a row that lists the code without its label naming the substance: possibly present
            possible = (set.union(*per_label) | listed[code]) - definite
            order = list(concepts)
            checked = all(s == EMA for _, _, s in entries) or all((i, code) in v_atc for i in definite | possible)
            w.writerow([code, '|'.join(sorted(definite, key=order.index)), '|'.join(sorted(possible, key=order.index)),
                        ' | '.join(labels), 'source-checked' if checked else 'recall-unverified',
                        EMA if checked else 'recall'])

def write_products(concepts):
    rows = read(f'{REF}/rxnorm_products.csv')
    with open(os.path.join(OUT, 'rxnorm-products.csv'), 'w', encoding='utf-8', newline='') as f:
        header(f, 'RxNorm clinical drugs (SCD) and their catalog ingredient',
               ['team reference rxnorm_products.csv (cds-hooks/sandbox@3b7e255 src/assets/medication-list.js, a 2016-era RxNorm subset)'],
               'RxNorm codes and names: NLM (public RxNorm SCD/IN part); cds-hooks/sandbox Apache-2.0',
               ['tty is inferred from the name pattern, not read from RxNorm; CUIs not re-checked against current RxNav'])
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['rxcui', 'name', 'ingredient', 'dose_form', 'confidence', 'source'])
        for r in rows:
            if r['ingredient'] not in concepts:
                raise SystemExit('product ingredient not in catalog: ' + r['ingredient'])
            w.writerow([r['rxcui'], r['name'], r['ingredient'], r['dose_form'], 'source-checked', r['source']])

if __name__ == '__main__':
    main()
