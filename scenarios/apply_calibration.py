#!/usr/bin/env python3
"""Copies a calibration into a scenario file: the fitted coefficients and the pair constants of calibrated.json.

Usage:  python3 scenarios/apply_calibration.py runs/calibration/calibrated.json scenarios/baseline.json

`mobility calibrate ... --out DIR` writes DIR/calibrated.json, an overlay that sets the fitted coefficients and, with
--pair-constants, the block choice:pairShift with one comment per constant naming the figures behind it. This script
writes them into the scenario file in place, keeping its layout: degreeMobility:originShift, choice:destinationShift
(both merged: fitted entries replace the scenario's, the others stay) and outsideOptionUtility; each block of pair
constants (comments included, values rounded to 3 decimals) replaces the scenario's: choice:pairShift (degree
choices: enrolled, departures, entrants figures) after choice:destinationShift, choice:scholarshipPairShift
(national-scholarship holders' choice: the Bolashak awards and holders figures) after it, and
creditMobility:pairShift (credit stays: the academic-mobility programme's credit figures) after creditMobility:c0,
each block with a comment line naming the figures it answers to (in choice:pairShift, the member pairs without a
figure, whose constants the rule of calibrate --unobserved-constant predicted, follow each origin's fitted ones in their own commented block); the scalar coefficients of
degreeMobility, choice and creditMobility (e.g. aDiaspora, bDiaspora, c0) are replaced where the scenario sets them,
and creditMobility:originShift is replaced or added; scenario:unobservedConstant (the rule for the pairs without a
figure, which fit and compare read) is replaced or added after the seed. Other fitted paths must be copied by hand. See docs/calibration.md, "The shipped calibration (issue 11)".
"""
import json
import re
import sys

if len(sys.argv) != 3:
    sys.exit(__doc__)
cal_path, base_path = sys.argv[1], sys.argv[2]
cal=open(cal_path).read().split('\n')
base=open(base_path).read()
def strip_comments(t): return re.sub(r'//[^\n]*','',t)
data=json.loads(strip_comments('\n'.join(cal)))
def block_lines(lines, key, section):
    """First and last line of the "key": { ... } block inside the top-level "section": { ... }, or None."""
    top=[k for k,l in enumerate(lines) if l.startswith('  "%s": {'%section)]
    if not top: return None
    k=top[0]+1
    while not lines[k].startswith('  }'):
        if lines[k].startswith('    "%s": {'%key):
            first=k; depth=0; last=first
            while True:
                depth+=lines[last].count('{')-lines[last].count('}')
                if depth==0: return first, last
                last+=1
        k+=1
    return None
def merge_shifts(base, key, fitted):
    """The fitted countries' shifts replace theirs under `key`; the others keep the scenario's value."""
    m=re.search(r'"%s": (\{[^}]*\})'%key, base)
    merged=dict(json.loads(m.group(1))) if m else {}
    merged.update(fitted)
    shifts=', '.join('"%s": %s'%(k,round(v,3)) for k,v in sorted(merged.items()))
    return re.sub(r'"%s": \{[^}]*\}'%key, '"%s": { %s }'%(key,shifts), base,1)
dm=data.get('degreeMobility',{})
if 'originShift' in dm:
    base=merge_shifts(base, 'originShift', dm['originShift'])
ch=data.get('choice',{})
if 'destinationShift' in ch:
    # the member hosts' shifts fitted to the totals of their foreign students
    base=merge_shifts(base, 'destinationShift', ch['destinationShift'])
if 'outsideOptionUtility' in dm:
    base=re.sub(r'"outsideOptionUtility": [-\d.]+', '"outsideOptionUtility": %.3f'%dm['outsideOptionUtility'], base,1)
def in_section(text, section, fn):
    """Applies fn to the text of the top-level section "section": { ... } only."""
    a=text.index('"%s": {'%section)
    d=0
    for b in range(text.index('{',a), len(text)):
        d+=(text[b]=='{')-(text[b]=='}')
        if d==0: break
    return text[:a]+fn(text[a:b+1])+text[b+1:]
# the rule that gave the member pairs without a figure (scenario:unobservedConstant), replaced or added after the seed
rule=data.get('scenario',{}).get('unobservedConstant')
if rule:
    def record_rule(t):
        if '"unobservedConstant"' in t: return re.sub(r'"unobservedConstant": "[^"]*"', '"unobservedConstant": "%s"'%rule, t, 1)
        return re.sub(r'("seed": \d+)', lambda m: m.group(1)+',\n    "unobservedConstant": "%s"'%rule, t, 1)
    base=in_section(base, 'scenario', record_rule)
# scalar coefficients of these sections (e.g. degreeMobility:aDiaspora, choice:bDiaspora, creditMobility:c0), where
# the scenario sets them; creditMobility:originShift replaced or added after c0
for section in ('degreeMobility','choice','creditMobility'):
    for k,v in data.get(section,{}).items():
        if isinstance(v,(int,float)) and not (section=='degreeMobility' and k=='outsideOptionUtility'):
            base=in_section(base, section, lambda t,k=k,v=v: re.sub(r'"%s": [-\d.]+'%k, '"%s": %s'%(k,round(v,3)), t,1))
cm=data.get('creditMobility',{})
if 'originShift' in cm:
    shifts='"originShift": { %s }'%', '.join('"%s": %.3f'%(k,v) for k,v in cm['originShift'].items())
    def credit_shift(t):
        if '"originShift"' in t: return re.sub(r'"originShift": \{[^}]*\}', shifts, t,1)
        return re.sub(r'("c0": [-\d.]+,)', lambda m: m.group(1)+'\n    '+shifts+',', t,1)
    base=in_section(base, 'creditMobility', credit_shift)
SECOND_STEP='; the pairs without a figure of each origin follow in a block that names the rule predicting them'
# the blocks of pair constants: (section, key, the scenario key it follows, the comment line above it)
BLOCKS=[
    ('choice','pairShift','destinationShift','origin-destination constants of the degree choice fitted by Berry inversion to the enrolled, departures and entrants figures'),
    ('choice','scholarshipPairShift','pairShift','origin-destination constants of the national-scholarship holders\' choice (Bolashak) fitted to the scholarship awards and holders figures'),
    ('creditMobility','pairShift','c0','origin-destination constants of the credit-stay choice fitted to the academic-mobility programme\'s credit figures'),
]
# the comments calibrate writes on a constant without a figure, by rule (--unobserved-constant), and the line above their block
PREDICTED={
    'predicted from covariates, no figure':
        "predicted from covariates, no figure (Berry's second step: x beta of the fitted constants' regression on the pair covariates, docs/calibration.md)",
    "the host's level (shrunk mean of the fitted constants into it), no figure":
        "the host's level, no figure (calibrate --unobserved-constant all-host-means: the fitted constants into that host, their weighted mean shrunk toward 0, docs/calibration.md)",
}
def predicted_by(comment):
    return next((p for p in PREDICTED if (comment or '').startswith(p)), None)
def group_predicted(block):
    """Within each origin of the degree constants, the constants of the pairs without a figure (predicted by the rule
    of --unobserved-constant) follow the fitted ones in their own commented block, six to a line."""
    out=[]; k=0
    while k<len(block):
        line=block[k]
        if not re.match(r'^      "\w+": \{$', line):
            out.append(line); k+=1; continue
        out.append(line); k+=1
        fitted=[]; predicted=[]
        while not re.match(r'^      \},?$', block[k]):
            m=re.match(r'^\s*"(\w+)": (-?[\d.]+),?\s*(?://\s*(.*))?$', block[k])
            (predicted if predicted_by(m.group(3)) else fitted).append((m.group(1), m.group(2), m.group(3)))
            k+=1
        entries=['        "%s": %s'%(d,v)+'{sep}'+(' // '+c if c else '') for d,v,c in fitted]
        rows=[predicted[i:i+6] for i in range(0,len(predicted),6)]
        total=len(fitted)+len(predicted)
        text=[]
        for n,e in enumerate(entries): text.append(e.replace('{sep}', ',' if n<total-1 else ''))
        if predicted:
            text.append('        // '+PREDICTED[predicted_by(predicted[0][2])])
            for r,row in enumerate(rows):
                last=r==len(rows)-1
                text.append('        '+', '.join('"%s": %s'%(d,v) for d,v,_ in row)+('' if last else ','))
        out.extend(text)
        out.append(block[k]); k+=1
    return out
SOURCE=' in scenarios/observations/observations.csv (mobility calibrate --pair-constants; docs/calibration.md, "Pair constants"); each names its figures'
for section,key,after,what in BLOCKS:
    found=block_lines(cal, key, section)
    if not found: continue
    i,j=found
    block=[re.sub(r'(":\s*)(-?\d+(\.\d+)?)(,?\s*//|,?$)', lambda m: m.group(1)+('%.3f'%float(m.group(2)))+m.group(4), l) for l in cal[i:j+1]]
    block[-1]=block[-1].rstrip(',')
    if key=='pairShift' and section=='choice': block=group_predicted(block)
    lines=base.split('\n')
    existing=block_lines(lines, key, section)
    if existing:
        a,b=existing
        # drop the comment line above, if ours
        start=a-1 if lines[a-1].strip().startswith('// origin-destination constants') else a
        lines=lines[:start]+lines[b+1:]
        # the line before now ends with ',' that must go if the block was the section's last
        if lines[start].startswith('  }'): lines[start-1]=lines[start-1].rstrip(',')
    # insert after the "after" entry of the section (its last line when it is a block)
    after_block=block_lines(lines, after, section)
    if after_block: k=after_block[1]
    else:
        top=next(n for n,l in enumerate(lines) if l.startswith('  "%s": {'%section))
        k=next(n for n in range(top+1,len(lines)) if lines[n].startswith('    "%s":'%after))
    closes=lines[k+1].startswith('  }')
    lines[k]=lines[k].rstrip(',')+','
    if not closes: block[-1]=block[-1]+','
    # the second step's clause only where it predicted constants (calibrate --unobserved-constant zero predicts none)
    comment='    // '+what+SOURCE+(SECOND_STEP if any(v in l for l in block for v in PREDICTED.values()) else '')
    lines=lines[:k+1]+[comment]+block+lines[k+1:]
    base='\n'.join(lines)
open(base_path,'w').write(base)
