-- 法治宣传: corrections of the shipped question bank after checking every cited article against the text of the
-- 《信访工作条例》 (2022) (see src/main/resources/publicity/README.md, "Checking"). Rows the bureau has edited
-- (version > 0) are left as they are; a new database gets the corrected rows from question-bank.tsv.

UPDATE quiz_question SET stem = $q$《信访工作条例》自____年5月1日起施行。$q$, options = '{}'::text[], answer = $q$2022$q$,
  explanation = $q$第五十条规定本条例自2022年5月1日起施行（2022年2月25日发布，中间留出两个多月的准备时间）。$q$,
  article = $q$第五十条$q$, chapter = $q$第六章$q$, updated_at = now()
WHERE source = 'bundled:3' AND version = 0;
UPDATE quiz_question SET stem = $q$研究解决政策性、群体性信访突出问题和疑难复杂信访问题，是条例对哪一主体的要求？$q$, options = ARRAY[$q$各级政府$q$,$q$信访人$q$,$q$村民小组$q$,$q$律师事务所$q$]::text[], answer = $q$A$q$,
  explanation = $q$第十条要求各级政府贯彻落实上级党委和政府以及本级党委关于信访工作的部署要求，研究解决政策性、群体性信访突出问题和疑难复杂信访问题。$q$,
  article = $q$第十条$q$, chapter = $q$第二章$q$, updated_at = now()
WHERE source = 'bundled:62' AND version = 0;
UPDATE quiz_question SET stem = $q$条例要求各级机关、单位领导干部做到（  ）。$q$, options = ARRAY[$q$阅办群众来信和网上信访$q$,$q$定期接待群众来访$q$,$q$定期下访$q$,$q$包案化解群众反映强烈的突出问题$q$]::text[], answer = $q$ABCD$q$,
  explanation = $q$第十八条对领导干部阅办群众来信和网上信访、定期接访、定期下访、包案化解提出了要求。$q$,
  article = $q$第十八条$q$, chapter = $q$第三章$q$, updated_at = now()
WHERE source = 'bundled:72' AND version = 0;
UPDATE quiz_question SET stem = $q$根据第二十八条，各级机关、单位及其工作人员办理信访事项，不得（  ）。$q$, options = ARRAY[$q$推诿$q$,$q$敷衍$q$,$q$拖延$q$,$q$加强教育疏导$q$]::text[], answer = $q$ABC$q$,
  explanation = $q$第二十八条第一款：办理信访事项应当恪尽职守、秉公办事，查明事实、分清责任，加强教育疏导，及时妥善处理，不得推诿、敷衍、拖延。加强教育疏导是条例的要求而不是禁止的做法。$q$,
  article = $q$第二十八条$q$, chapter = $q$第四章$q$, updated_at = now()
WHERE source = 'bundled:117' AND version = 0;
UPDATE quiz_question SET stem = $q$各级机关、单位对可能造成社会影响的重大、紧急信访事项和信访信息，应当及时报告本级党委和政府，通报相关主管部门和本级信访工作联席会议办公室。$q$, options = '{}'::text[], answer = $q$T$q$,
  explanation = $q$第二十五条第一款的规定，并要求在职责范围内依法及时采取措施，防止不良影响的产生、扩大；地方信访部门还应当向上一级信访部门报告，同时报告国家信访局（第二款）。$q$,
  article = $q$第二十五条$q$, chapter = $q$第三章$q$, updated_at = now()
WHERE source = 'bundled:118' AND version = 0;
UPDATE quiz_question SET stem = $q$各级党委和政府应当健全人民建议征集制度，对涉及国计民生的重要工作主动听取群众的建议意见。$q$, options = '{}'::text[], answer = $q$T$q$,
  explanation = $q$第二十九条第三款。$q$,
  article = $q$第二十九条$q$, chapter = $q$第四章$q$, updated_at = now()
WHERE source = 'bundled:131' AND version = 0;
UPDATE quiz_question SET stem = $q$申诉求决类事项应当通过审判机关诉讼程序或者复议程序、仲裁程序解决的，应当（  ）。$q$, options = ARRAY[$q$导入相应程序处理$q$,$q$由信访部门直接作出裁决$q$,$q$不予理睬$q$,$q$要求信访人撤回$q$]::text[], answer = $q$A$q$,
  explanation = $q$第三十一条第一项（诉讼、复议程序）和第二项（仲裁），即“诉访分离”。$q$,
  article = $q$第三十一条$q$, chapter = $q$第四章$q$, updated_at = now()
WHERE source = 'bundled:137' AND version = 0;
UPDATE quiz_question SET stem = $q$对申诉求决类事项，可以导入的法定程序包括（  ）。$q$, options = ARRAY[$q$诉讼程序$q$,$q$行政复议程序$q$,$q$仲裁程序$q$,$q$党员申诉、申请复审$q$]::text[], answer = $q$ABCD$q$,
  explanation = $q$第三十一条第一项（审判机关诉讼程序或者复议程序等）、第二项（仲裁）、第三项（党员申诉、申请复审）和第四项（行政复议等行政程序）分别规定导入相应程序。$q$,
  article = $q$第三十一条$q$, chapter = $q$第四章$q$, updated_at = now()
WHERE source = 'bundled:138' AND version = 0;
UPDATE quiz_question SET stem = $q$可以通过行政裁决、行政确认、行政许可、行政处罚等行政程序解决的申诉求决类事项，应当导入相应程序处理。$q$, options = '{}'::text[], answer = $q$T$q$,
  explanation = $q$第三十一条第四项。$q$,
  article = $q$第三十一条$q$, chapter = $q$第四章$q$, updated_at = now()
WHERE source = 'bundled:139' AND version = 0;
UPDATE quiz_question SET stem = $q$不属于导入法定途径情形的申诉求决类事项，有权处理的机关应当听取信访人陈述事实和理由，调查核实后出具（  ）。$q$, options = ARRAY[$q$判决书$q$,$q$信访处理意见书$q$,$q$行政处罚决定书$q$,$q$仲裁裁决书$q$]::text[], answer = $q$B$q$,
  explanation = $q$第三十一条第六项。$q$,
  article = $q$第三十一条$q$, chapter = $q$第四章$q$, updated_at = now()
WHERE source = 'bundled:140' AND version = 0;
UPDATE quiz_question SET stem = $q$对重大、复杂、疑难的信访事项，可以举行听证。$q$, options = '{}'::text[], answer = $q$T$q$,
  explanation = $q$第三十一条第六项规定可以举行听证。$q$,
  article = $q$第三十一条$q$, chapter = $q$第四章$q$, updated_at = now()
WHERE source = 'bundled:141' AND version = 0;
UPDATE quiz_question SET stem = $q$对第三十一条第六项规定的信访事项，应当自受理之日起____日内办结。$q$, options = '{}'::text[], answer = $q$60|六十$q$,
  explanation = $q$第三十四条规定60日办结期限。$q$,
  article = $q$第三十四条$q$, chapter = $q$第四章$q$, updated_at = now()
WHERE source = 'bundled:154' AND version = 0;

-- Rows filed under the wrong chapter (Art 26 closes 第三章; 第四章 begins with Art 27).
UPDATE quiz_question SET chapter = '第三章', updated_at = now() WHERE source = 'bundled:119' AND version = 0;
UPDATE quiz_question SET chapter = '第三章', updated_at = now() WHERE source = 'bundled:120' AND version = 0;
UPDATE quiz_question SET chapter = '第三章', updated_at = now() WHERE source = 'bundled:121' AND version = 0;
UPDATE quiz_question SET chapter = '第三章', updated_at = now() WHERE source = 'bundled:122' AND version = 0;
UPDATE quiz_question SET chapter = '第三章', updated_at = now() WHERE source = 'bundled:123' AND version = 0;
UPDATE quiz_question SET chapter = '第三章', updated_at = now() WHERE source = 'bundled:124' AND version = 0;
UPDATE quiz_question SET chapter = '第三章', updated_at = now() WHERE source = 'bundled:125' AND version = 0;
UPDATE quiz_question SET chapter = '第三章', updated_at = now() WHERE source = 'bundled:180' AND version = 0;
