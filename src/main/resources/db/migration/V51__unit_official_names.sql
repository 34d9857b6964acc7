-- Official documents name their issuing body in full (常德市人力资源和社会保障局, not 市人力资源和社会保障局)
-- and number them with the body's 机关代字 (常人社信〔2026〕12号). The short name stays what the
-- console shows. Both columns may be left empty for a unit added later: the directory then derives
-- them from the region tree (organization.OfficialNames).
ALTER TABLE unit ADD COLUMN official_name varchar(128);
ALTER TABLE unit ADD COLUMN doc_code varchar(16);
CREATE UNIQUE INDEX unit_doc_code ON unit (doc_code) WHERE doc_code IS NOT NULL;

UPDATE unit AS u SET official_name = v.official_name, doc_code = v.doc_code
FROM (VALUES
    ('CD-XFJ',  '常德市信访局',                 '常信访'),
    ('WL-XFJ',  '常德市武陵区信访局',           '武信访'),
    ('DC-XFJ',  '常德市鼎城区信访局',           '鼎信访'),
    ('AX-XFJ',  '安乡县信访局',                 '安信访'),
    ('HS-XFJ',  '汉寿县信访局',                 '汉信访'),
    ('LX-XFJ',  '澧县信访局',                   '澧信访'),
    ('LL-XFJ',  '临澧县信访局',                 '临信访'),
    ('TY-XFJ',  '桃源县信访局',                 '桃信访'),
    ('SM-XFJ',  '石门县信访局',                 '石信访'),
    ('JS-XFJ',  '津市市信访局',                 '津信访'),
    ('CD-ZJJ',  '常德市住房和城乡建设局',       '常住建信'),
    ('CD-ZRZY', '常德市自然资源和规划局',       '常自然资规信'),
    ('CD-HRSS', '常德市人力资源和社会保障局',   '常人社信'),
    ('CD-NYNC', '常德市农业农村局',             '常农信'),
    ('CD-WJW',  '常德市卫生健康委员会',         '常卫健信'),
    ('CD-JYJ',  '常德市教育局',                 '常教信'),
    ('CD-STHJ', '常德市生态环境局',             '常环信'),
    ('CD-JTYS', '常德市交通运输局',             '常交信'),
    ('CD-MZJ',  '常德市民政局',                 '常民信'),
    ('CD-SCJG', '常德市市场监督管理局',         '常市监信'),
    ('CD-SFSS', '常德市涉法涉诉联合受理中心',   '常涉法信'),
    ('CD-JWJW', '常德市纪委监委',               '常纪信'),
    ('CD-TYJR', '常德市退役军人事务局',         '常退役信'),
    ('CD-FGW',  '常德市发展和改革委员会',       '常发改信'),
    ('CD-SLJ',  '常德市水利局',                 '常水信'),
    ('CD-ZFB',  '常德市人民政府办公室',         '常政办信'),
    ('WL-HRSS', '常德市武陵区人力资源和社会保障局', '武人社信'),
    ('WL-ZJJ',  '常德市武陵区住房和城乡建设局', '武住建信'),
    ('WL-ZFB',  '常德市武陵区人民政府办公室',   '武政办信'),
    ('DC-ZFB',  '常德市鼎城区人民政府办公室',   '鼎政办信')
) AS v (code, official_name, doc_code)
WHERE u.code = v.code;
