#!/usr/bin/env python3
"""Copies a calibration into a scenario file: the fitted coefficients and the pair constants of calibrated.json.

Usage:  python3 scenarios/apply_calibration.py runs/calibration/calibrated.json scenarios/baseline.json

`mobility calibrate ... --out DIR` writes DIR/calibrated.json, an overlay that sets the fitted coefficients and, with
--pair-constants, the block choice:pairShift with one comment per constant naming the figures behind it. This script
writes them into the scenario file in place, keeping its layout: degreeMobility:originShift and outsideOptionUtility
and creditMobility coefficients are replaced where the scenario sets them; the pairShift block (comments included,
values rounded to 3 decimals) replaces the scenario's, after choice:destinationShift. Other fitted paths must be
copied by hand. See docs/calibration.md, "The shipped calibration (issue 11)".
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
# pairShift block text with comments
i=next(k for k,l in enumerate(cal) if l.strip().startswith('"pairShift"'))
depth=0; j=i
while True:
    depth+=cal[j].count('{')-cal[j].count('}')
    if depth==0 and j>i: break
    j+=1
block=cal[i:j+1]
block=[re.sub(r'(":\s*)(-?\d+\.\d+)', lambda m: m.group(1)+('%.3f'%float(m.group(2))), l) for l in block]
block[-1]=block[-1].rstrip(',')
dm=data.get('degreeMobility',{})
if 'originShift' in dm:
    shifts=', '.join('"%s": %.3f'%(k,v) for k,v in dm['originShift'].items())
    base=re.sub(r'"originShift": \{[^}]*\}', '"originShift": { %s }'%shifts, base,1)
if 'outsideOptionUtility' in dm:
    base=re.sub(r'"outsideOptionUtility": [-\d.]+', '"outsideOptionUtility": %.3f'%dm['outsideOptionUtility'], base,1)
cm=data.get('creditMobility',{})
for k,v in cm.items():
    base=re.sub(r'"%s": [-\d.]+'%k, '"%s": %s'%(k,round(v,3)), base,1)
# remove an existing pairShift block
lines=base.split('\n')
if any(l.strip().startswith('"pairShift"') for l in lines):
    a=next(k for k,l in enumerate(lines) if l.strip().startswith('"pairShift"'))
    d=0;b=a
    while True:
        d+=lines[b].count('{')-lines[b].count('}')
        if d==0 and b>a: break
        b+=1
    # drop the comment line above, if ours
    start=a-1 if lines[a-1].strip().startswith('// origin-destination constants') else a
    lines=lines[:start]+lines[b+1:]
    # the line before now ends with ',' that must go
    lines[start-1]=lines[start-1].rstrip(',')
k=next(k for k,l in enumerate(lines) if l.strip().startswith('"destinationShift"'))
lines[k]=lines[k].rstrip(',')+','
comment='    // origin-destination constants fitted by Berry inversion to scenarios/observations/observations.csv (mobility calibrate --pair-constants; docs/calibration.md, "The shipped calibration (issue 11)"); each names its figures'
lines=lines[:k+1]+[comment]+block+lines[k+1:]
open(base_path,'w').write('\n'.join(lines))
