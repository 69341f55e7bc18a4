-- T1, T2: the three colleges and partners, the programme's courses, and the two certification schemes
-- (T3). The schemes' numbers (validity, recertification window, assessment threshold) are operator
-- settings (kernel /api/settings), not rows here.
insert into institution (code, name, kind) values
    ('CUNZHENG', '村政学院', 'COLLEGE'),
    ('SHEHUI-ZUZHI', '社会组织学院', 'COLLEGE'),
    ('CHENGSHI-SHEQU', '城市社区学院', 'COLLEGE'),
    ('CD-PARTY-SCHOOL', '中共成都市委党校', 'PARTY_SCHOOL'),
    ('SCU', '四川大学', 'UNIVERSITY'),
    ('SW-BASE-WUHOU', '武侯区社会工作培训基地', 'SOCIAL_WORK_BASE');

insert into course (code, version, institution_code, title, kind, delivery, hours, description, audience_roles, prerequisites,
                    min_attendance_share, pass_score, created_by, created_at) values
    ('CB-GENERAL', 1, 'CHENGSHI-SHEQU', '社区营造通识课', 'GENERAL', 'BLENDED', 16, 'Community building: the six-step path, the pivot categories, participation',
        '{community-staff,agency,evaluator,supervisor,resident}', '{}', 0.800, null, 'seed', now()),
    ('LEADERS-CAMP', 1, 'CHENGSHI-SHEQU', '社区基金会领袖营', 'CAMP', 'OFFLINE', 24, 'Community foundation leaders'' camp',
        '{community-staff,agency}', '{CB-GENERAL}', 0.900, null, 'seed', now()),
    ('FIELD-CAMP', 1, 'CUNZHENG', '社区营造田野营', 'CAMP', 'OFFLINE', 24, 'Community-building field camp',
        '{community-staff,agency}', '{CB-GENERAL}', 0.900, null, 'seed', now()),
    ('ROBERTS-RULES', 1, 'CUNZHENG', '罗伯特议事规则', 'PROFESSIONAL', 'OFFLINE', 12, 'Robert''s Rules for resident councils',
        '{community-staff,council-member,resident}', '{}', 0.750, 60, 'seed', now()),
    ('PRA-TOOLS', 1, 'SHEHUI-ZUZHI', '参与式农村评估（PRA）工具', 'PROFESSIONAL', 'OFFLINE', 12, 'Participatory rural appraisal tools',
        '{community-staff,agency,evaluator}', '{}', 0.750, null, 'seed', now()),
    ('MOBILISATION', 1, 'SHEHUI-ZUZHI', '社区动员', 'PROFESSIONAL', 'BLENDED', 8, 'Community mobilisation',
        '{community-staff,agency}', '{}', 0.750, null, 'seed', now()),
    ('ACTION-RESEARCH-CAMP', 1, 'SCU', '行动研究营', 'CAMP', 'OFFLINE', 20, 'Action-research camp',
        '{agency,supervisor,evaluator}', '{CB-GENERAL}', 0.900, null, 'seed', now()),
    ('PE-EVALUATOR', 1, 'SCU', '参与式评估师课程', 'PROFESSIONAL', 'BLENDED', 32, 'Participatory evaluator course: the 6 domains and 53 indicators, on-site evaluation',
        '{evaluator}', '{CB-GENERAL}', 0.900, 60, 'seed', now()),
    ('PE-REFRESHER', 1, 'SCU', '参与式评估师复训', 'PROFESSIONAL', 'ONLINE', 8, 'Refresher for certified participatory evaluators',
        '{evaluator}', '{}', 1.000, null, 'seed', now()),
    ('SUPERVISOR', 1, 'SHEHUI-ZUZHI', '项目督导课程', 'PROFESSIONAL', 'BLENDED', 24, 'Supervisor course: the 1+1+1+1 supervision team, logs, action research',
        '{supervisor}', '{CB-GENERAL}', 0.900, 60, 'seed', now()),
    ('SUPERVISOR-REFRESHER', 1, 'SHEHUI-ZUZHI', '项目督导复训', 'PROFESSIONAL', 'ONLINE', 8, 'Refresher for certified supervisors',
        '{supervisor}', '{}', 1.000, null, 'seed', now());

insert into scheme (code, name, refresher_course) values
    ('PARTICIPATORY_EVALUATOR', '参与式评估师', 'PE-REFRESHER'),
    ('SUPERVISOR', '项目督导', 'SUPERVISOR-REFRESHER');
insert into scheme_course (scheme_code, course_code, min_version) values
    ('PARTICIPATORY_EVALUATOR', 'CB-GENERAL', 1),
    ('PARTICIPATORY_EVALUATOR', 'PE-EVALUATOR', 1),
    ('SUPERVISOR', 'CB-GENERAL', 1),
    ('SUPERVISOR', 'SUPERVISOR', 1);
