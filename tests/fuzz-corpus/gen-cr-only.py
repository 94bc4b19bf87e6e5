import sys, os
n = int(sys.argv[1]); eol = sys.argv[2].encode().decode('unicode_escape').encode()
d = sys.argv[3]; os.makedirs(d, exist_ok=True)
open(d+'/indicators.csv','wb').write(b'id,name_vi,name_en,unit_vi,unit_en,kind,better,pillar,note'+eol+b'v,a,b,,,value,higher,economy,'+eol)
rows = [b'indicator,entity,year,period,value,low,high,n,status,source,quote,note']
for i in range(n):
    rows.append(b'v,E%d,2020,,%d,,,,actual,a.txt,quote %d,' % (i, i, i))
open(d+'/observations.csv','wb').write(eol.join(rows)+eol)
