#!/usr/bin/env python3
"""Generate a deterministic synthetic Dossier site for the benchmark.

    python3 bench/generate.py SIZE OUT_DIR

OUT_DIR receives `dossier.yml` and `Content/`: the demo's configuration and its controlled documents
(every folder of the demo's Content/ except records/, copied as they are) plus SIZE generated records.
About 140 of them form the "backbone" every certified company has whatever its size (monthly self-checks
and service reports, quarterly reviews, yearly audits and management reviews, trainings, competence
evaluations...); the rest are the day-to-day records (incidents, service requests, changes, complaints,
problems...) spread over June 2025 to November 2026. Every record is schema-valid and the site checks with
0 errors as of 2026-11-22, the demo's as-of day.

The output depends only on SIZE, this file and the demo's controlled documents: the RNG is seeded with
SIZE, nothing depends on the clock, the environment or directory order. When OUT_DIR already holds a corpus
made from the same three, it is reused (the key is in OUT_DIR/.bench-corpus). Python 3 stdlib only.
"""

import datetime as dt
import hashlib
import os
import random
import shutil
import sys
from bisect import bisect_right
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STAMP = ".bench-corpus"

AS_OF = dt.date(2026, 11, 22)
LAST_MOMENT = dt.datetime(2026, 11, 21, 23, 0)      # nothing happens after this
VOLUME_START = dt.date(2025, 6, 10)                 # the certificates' issue date

# ---------------------------------------------------------------------------------------------------
# The demo organisation (dossier.yml's people) and its world.

PEOPLE = ["陈建国", "张伟", "李娜", "周杰", "王芳", "赵磊", "刘洋", "马超", "郑浩", "吴敏", "黄静", "孙丽"]
ROLES = {"陈建国": "总经理", "张伟": "服务经理", "李娜": "质量负责人", "周杰": "信息安全专员",
         "王芳": "客服主管", "赵磊": "运维主管", "刘洋": "运维工程师", "马超": "网络工程师",
         "郑浩": "技术支持工程师", "吴敏": "客服专员", "黄静": "客户经理", "孙丽": "人事行政专员"}
PINYIN = {"陈建国": "CHENJIANGUO", "张伟": "ZHANGWEI", "李娜": "LINA", "周杰": "ZHOUJIE",
          "王芳": "WANGFANG", "赵磊": "ZHAOLEI", "刘洋": "LIUYANG", "马超": "MACHAO",
          "郑浩": "ZHENGHAO", "吴敏": "WUMIN", "黄静": "HUANGJING", "孙丽": "SUNLI"}
AUDITORS = ["李娜", "周杰"]
ENGINEERS = ["刘洋", "马超", "郑浩", "赵磊", "吴敏", "周杰"]

CUSTOMERS = [
    ("杭州明远贸易有限公司", "明远贸易", "Mingyuan Trading", "0571-86852310", "it@mingyuantrade.cn"),
    ("绍兴锦程纺织有限公司", "锦程纺织", "Jincheng Textiles", "0575-85134407", "admin@jinchengtex.com"),
    ("上海启航物流有限公司杭州分公司", "启航物流", "Qihang Logistics", "0571-86120937", "hz-it@qihang-logistics.com"),
    ("杭州西溪会计师事务所", "西溪会计", "Xixi CPA", "0571-88274460", "finance@xixicpa.cn"),
    ("宁波海瑞机械股份有限公司", "海瑞机械", "Hairui Machinery", "0574-87731265", "it@hairui-mach.com"),
    ("嘉兴同心医疗器械有限公司", "同心医疗", "Tongxin Medical", "0573-82216650", "xxb@tongxin-med.cn"),
    ("杭州绿源食品有限公司", "绿源食品", "Lvyuan Foods", "0571-85079921", "office@lvyuanfood.cn"),
    ("湖州安吉竹木制品有限公司", "安吉竹木", "Anji Bamboo", "0572-55238810", "service@anjibamboo.com"),
    ("杭州青禾教育科技有限公司", "青禾教育", "Qinghe Education", "0571-87650342", "it@qinghe-edu.cn"),
    ("温州恒达电器有限公司", "恒达电器", "Hengda Electric", "0577-86671208", "admin@hengda-elec.com"),
    ("杭州九章律师事务所", "九章律所", "Jiuzhang Law", "0571-89935517", "office@jiuzhanglaw.cn"),
    ("金华星河物流有限公司", "星河物流", "Xinghe Logistics", "0579-82380046", "it@xinghe56.com"),
    ("台州东海模具有限公司", "东海模具", "Donghai Moulds", "0576-88120473", "it@donghaimould.cn"),
    ("杭州北辰建筑设计院", "北辰设计", "Beichen Architects", "0571-85562290", "admin@beichen-design.cn"),
    ("舟山蓝湾水产有限公司", "蓝湾水产", "Lanwan Seafood", "0580-20231187", "office@lanwanfood.com"),
    ("杭州云图数据服务有限公司", "云图数据", "Yuntu Data", "0571-86003925", "ops@yuntudata.cn"),
]
SERVICES = ["云主机托管", "邮件托管", "网络与安全运维", "桌面运维", "服务器运维", "备份与恢复", "服务台支持"]
SYSTEMS = ["邮件网关", "SSL VPN", "ESXi 主机", "OceanStor 存储", "深信服 AF 防火墙", "Veeam 备份作业",
           "Zabbix 监控", "AD 域控", "U8 财务服务器", "MES 数据库", "NAS 文件服务器", "核心交换机",
           "打印服务器", "无线 AP", "Exchange 邮箱", "IPsec 专线", "DNS 解析", "云备份 OSS 桶"]
SYSTEMS_EN = ["mail gateway", "SSL VPN", "ESXi host", "OceanStor array", "edge firewall", "Veeam backup job",
              "Zabbix monitoring", "AD domain controller", "U8 finance server", "MES database",
              "NAS file server", "core switch", "print server", "wireless AP", "Exchange mailbox",
              "IPsec leased line", "DNS resolver", "OSS backup bucket"]
SYMPTOMS = ["间歇性断线", "响应缓慢", "登录失败", "无法访问", "告警频繁", "磁盘空间不足", "证书过期告警",
            "同步失败", "CPU 持续过高", "丢包率升高", "服务中断", "备份作业失败"]
SYMPTOMS_EN = ["intermittent disconnects", "slow responses", "failed logins", "an outage", "alert floods",
               "a full disk", "an expiring certificate", "failed synchronisation", "sustained high CPU",
               "packet loss", "a service interruption", "failed backup jobs"]
REQUESTS = ["新员工账号开通", "邮箱容量扩容", "VPN 权限申请", "共享文件夹权限调整", "新配笔记本部署",
            "打印机驱动安装", "防火墙端口开放", "云主机规格调整", "备份策略变更", "离职员工账号停用",
            "会议室无线网络配置", "软件安装申请", "数据恢复申请", "域名解析记录新增"]
CHANGES = ["固件升级", "补丁安装", "配置变更", "硬件更换", "容量扩展", "策略调整", "版本升级", "迁移"]
COMPLAINT_CATEGORIES = ["响应不及时", "故障重复发生", "服务态度", "沟通不畅", "账单疑问"]
COMPLAINT_ISSUES = ["工程师未按约定时间到场", "同一故障一周内第三次发生", "电话多次无人接听",
                    "故障处理进展没有主动通报", "月度账单与合同不符", "邮件长时间无法收发",
                    "远程支持时操作不当导致数据丢失", "网络中断影响门店收银"]
CHANNELS = [("phone", 40), ("email", 25), ("web", 20), ("in-person", 5), ("social", 5), ("letter", 5)]
DOCS_LINKABLE = ["PR-06", "PR-07", "PR-08", "PR-09", "PR-10", "PR-16", "SLA-01", "SLA-02", "CAT-01",
                 "WI-01", "WI-02", "WI-03", "WI-04", "WI-05", "PLN-04", "POL-03"]
# Clauses the demo's nonconformities and scopes name (all exist in the demo's checklists).
NC_CLAUSES = ["iso20000-1:8.6.1", "iso20000-1:8.6.2", "iso20000-1:8.6.3", "iso20000-1:8.5.1.2",
              "iso20000-1:8.5.1.3", "iso20000-1:8.3.3", "iso20000-1:8.7.1", "iso20000-1:7.2",
              "iso20000-1:7.5.3", "iso20000-1:9.1", "iso10002:7.3", "iso10002:7.4", "iso10002:7.6"]

# The demo's internal audits: auditors never audit their own procedures or clauses (people.self-audit).
IA_MAIN_SCOPE = (
    "iso20000-1:4.1, iso20000-1:4.2, iso20000-1:4.3, iso20000-1:4.4, iso20000-1:5.1, iso20000-1:5.2, "
    "iso20000-1:5.3, iso20000-1:6.2, iso20000-1:6.3, iso20000-1:7.1, iso20000-1:7.2, iso20000-1:7.3, "
    "iso20000-1:7.4, iso20000-1:7.6, iso20000-1:8.1, iso20000-1:8.2.1, iso20000-1:8.2.2, iso20000-1:8.2.3, "
    "iso20000-1:8.2.4, iso20000-1:8.2.5, iso20000-1:8.2.6, iso20000-1:8.3.1, iso20000-1:8.3.2, "
    "iso20000-1:8.3.3, iso20000-1:8.3.4.1, iso20000-1:8.4.1, iso20000-1:8.4.2, iso20000-1:8.4.3, "
    "iso20000-1:8.5.1.1, iso20000-1:8.5.1.2, iso20000-1:8.5.1.3, iso20000-1:8.5.2.1, iso20000-1:8.5.2.2, "
    "iso20000-1:8.5.2.3, iso20000-1:8.5.3, iso20000-1:8.6.1, iso20000-1:8.6.2, iso20000-1:8.6.3, "
    "iso20000-1:8.7.1, iso20000-1:8.7.2, iso20000-1:9.1, iso20000-1:9.3, iso20000-1:9.4, iso10002:4, "
    "iso10002:5.1, iso10002:5.2, iso10002:5.3, iso10002:5.4, iso10002:6.1, iso10002:6.2, iso10002:6.3, "
    "iso10002:6.4, iso10002:7.1, iso10002:7.2, iso10002:7.3, iso10002:7.4, iso10002:7.5, iso10002:7.6, "
    "iso10002:7.7, iso10002:7.8, iso10002:7.9, iso10002:8.1, iso10002:8.2, iso10002:8.3, iso10002:8.4, "
    "iso10002:8.6, iso10002:8.7")
IA_MAIN_PROCESSES = ("PR-03, PR-05, PR-06, PR-07, PR-08, PR-09, PR-10, PR-11, PR-12, PR-13, PR-15, PR-16, "
                     "PR-17, PR-18, PR-19, PR-20, PR-21, PR-22")
IA_C1_SCOPE = ("iso20000-1:6.1, iso20000-1:7.5.1, iso20000-1:7.5.2, iso20000-1:7.5.3, iso20000-1:7.5.4, "
               "iso20000-1:9.2, iso20000-1:10.1, iso20000-1:10.2, iso10002:8.5")
IA_C2_SCOPE = "iso20000-1:8.7.3.1, iso20000-1:8.7.3.2, iso20000-1:8.7.3.3"

# Share of the day-to-day records per type: an IT service company lives on incidents and requests.
VOLUME_WEIGHTS = [
    ("incident", 430), ("service-request", 330), ("change", 100), ("complaint", 40), ("problem", 30),
    ("nonconformity", 15), ("known-error", 15), ("release", 15), ("improvement-register", 10),
    ("security-incident", 10), ("major-incident-report", 5),
]
# Ids the demo's controlled documents link to: the corpus must contain them.
REQUIRED_IDS = ["INC-2025-0063", "INC-2026-0033", "REL-2026-001", "IMP-2026-002", "PRV-2025-Q2"]


class Record:
    """One generated record: its type, id, date, front matter (ordered key, YAML text) and body plan."""

    def __init__(self, rtype, rid, when, fields):
        self.type = rtype
        self.id = rid
        self.when = when                   # date or datetime: folder year and link ordering
        self.fields = fields               # list of (key, yaml value text)
        self.related = []

    @property
    def day(self):
        return self.when.date() if isinstance(self.when, dt.datetime) else self.when


# ---------------------------------------------------------------------------------------------------
# Small helpers.

def yaml_str(text):
    """A YAML scalar for text: plain when that is safe, else double-quoted."""
    risky = any(c in text for c in ':#[]{},&*!|>\'"%@`') or text[:1] in "-?" or text != text.strip()
    if risky or text.lower() in ("yes", "no", "true", "false", "null", "on", "off", "~"):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def ylist(items):
    return "[" + ", ".join(items) + "]"


def fmt_dt(moment):
    return moment.strftime("%Y-%m-%d %H:%M")


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    pick = rng.randrange(total)
    for value, weight in pairs:
        if pick < weight:
            return value
        pick -= weight
    raise AssertionError("unreachable")


def month_iter(first, last):
    """(year, month) from first to last inclusive."""
    year, month = first
    while (year, month) <= last:
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def moment_on(rng, day):
    """A working-hours moment on day, on a five-minute step."""
    hour = weighted(rng, [(8, 6), (9, 12), (10, 12), (11, 10), (13, 9), (14, 11), (15, 10), (16, 9),
                          (17, 6), (18, 3), (20, 2), (22, 1)])
    return dt.datetime(day.year, day.month, day.day, hour, rng.randrange(12) * 5)


def cjk_len(text):
    """Words the way an editor counts them: each CJK character, and each run of Latin letters."""
    count, in_word = 0, False
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff":
            count, in_word = count + 1, False
        elif ch.isalnum():
            if not in_word:
                count, in_word = count + 1, True
        else:
            in_word = False
    return count


# ---------------------------------------------------------------------------------------------------
# Bodies: headings, Chinese and English paragraphs, lists, an occasional pipe table, [[ID]] links.

ZH_SENTENCES = [
    "{cust}反映{system}{symptom}，{person}在 {time} 受理后立即登录监控平台核实。",
    "经排查，{system}的告警最早出现在 {time}，持续约 {n} 分钟，期间 {m} 个用户受影响。",
    "{person}按照 {doc} 的要求完成初步诊断，并在工单中记录了处理步骤和截图。",
    "临时措施是将流量切换到备用链路，业务在 {n} 分钟内恢复，客户确认可以正常使用。",
    "根本原因是配置基线未随扩容同步更新，导致新加入的节点沿用了默认参数。",
    "已与{cust}的 IT 负责人电话沟通，说明原因、处理过程和后续的预防措施。",
    "本次处理符合服务级别协议的响应时限，解决用时 {h} 小时 {n} 分钟。",
    "{person}复核了最近 30 天的同类工单，共发现 {m} 起相似现象，已汇总给问题经理。",
    "后续将在月度自查中抽查该项配置，确认在所有托管主机上保持一致。",
    "处理过程中未发生数据丢失，备份作业在当晚按计划完成并校验通过。",
    "客户提出希望在类似情况下提前收到短信通知，已记录为改进建议。",
    "{system}的固件版本较旧，厂商已确认该版本存在已知缺陷，建议在下一个维护窗口升级。",
    "变更前已在测试环境验证回退方案，回退时间预计不超过 {n} 分钟。",
    "受影响的服务为{service}，按 {doc} 判定为 {prio} 级别。",
    "现场工程师到达时间为 {time}，比约定时间提前 {n} 分钟。",
    "监控数据显示，处理完成后 {n} 小时内未再出现告警，指标恢复到正常基线。",
    "为避免再次发生，已在知识库新增一条处理指引，并在周例会上向服务台全员通报。",
    "本月{service}的可用性为 99.{m}%，达到服务级别协议约定的目标。",
    "客户对处理结果表示满意，回访评分为 {score} 分。",
    "{person}与供应商工程师远程会话，确认问题由上游线路抖动引起，供应商已出具书面说明。",
]
EN_SENTENCES = [
    "The {system_en} at {cust_en} showed {symptom_en} from {time}; {person} picked up the ticket within {n} minutes.",
    "Monitoring confirmed the alert and the on-call engineer followed the runbook in {doc}.",
    "Service was restored after {h} hours {n} minutes, inside the agreed resolution target.",
    "No data was lost and the nightly backup completed and verified as scheduled.",
    "The root cause was a configuration drift: the new node kept vendor defaults instead of our baseline.",
    "A workaround was applied first, and the permanent fix was scheduled as a standard change.",
    "The customer asked for proactive SMS updates during long outages, which we logged as an improvement.",
    "We reviewed the last 30 days of tickets and found {m} similar cases, now linked to one problem record.",
    "The vendor acknowledged the defect and recommended upgrading the firmware in the next maintenance window.",
    "The rollback plan was tested in the lab and takes at most {n} minutes.",
    "Availability of {service} for the month was 99.{m}%, above the SLA target.",
    "The follow-up call with the customer's IT lead closed the ticket with a satisfaction score of {score}.",
    "{person} updated the knowledge base article so the service desk can resolve the next case at first contact.",
    "After the fix no further alerts were raised for {n} hours and all metrics returned to baseline.",
    "The change was approved by the change advisory board and implemented during the agreed window.",
    "Impact was limited to {m} users; other sites kept working through the secondary link.",
]
ZH_HEADINGS = ["现象", "影响", "处理过程", "原因分析", "临时措施", "结论", "后续措施", "评审意见", "执行记录",
               "验证", "背景", "沟通记录"]
EN_HEADINGS = ["Summary", "Impact", "Timeline", "Root cause", "Workaround", "Follow-up", "Verification",
               "Lessons learned", "Actions"]
LIST_ITEMS_ZH = ["核对{system}配置与基线一致", "更新 {doc} 中的检查单", "通知{cust}相关联系人",
                 "在监控平台增加阈值告警", "安排 {person} 做 B 角培训", "下次月度自查复核执行情况",
                 "补充知识库条目", "整理处理时间线并归档"]
LIST_ITEMS_EN = ["Check the {system_en} against the configuration baseline", "Update the checklist in {doc}",
                 "Tell the customer's contacts at {cust_en}", "Add a threshold alert in Zabbix",
                 "Train a backup engineer ({person})", "Re-check in the next monthly self-check",
                 "Add a knowledge base entry", "Archive the timeline with the ticket"]


def fill(rng, template, links):
    cust = rng.choice(CUSTOMERS)
    sys_i = rng.randrange(len(SYSTEMS))
    sym_i = rng.randrange(len(SYMPTOMS))
    doc = "[[" + rng.choice(links) + "]]" if links and rng.random() < 0.5 else rng.choice(DOCS_LINKABLE[:6])
    return template.format(
        cust=cust[1], cust_en=cust[2], system=SYSTEMS[sys_i], system_en=SYSTEMS_EN[sys_i],
        symptom=SYMPTOMS[sym_i], symptom_en=SYMPTOMS_EN[sym_i], person=rng.choice(PEOPLE),
        service=rng.choice(SERVICES), doc=doc, prio=rng.choice(["P2", "P3", "P4"]),
        time=f"{rng.randint(8, 20):02d}:{rng.randrange(12) * 5:02d}", n=rng.randint(5, 55),
        m=rng.randint(2, 98), h=rng.randint(1, 6), score=rng.choice(["4.5", "4.8", "5", "4"]))


def paragraph(rng, links):
    pool = ZH_SENTENCES if rng.random() < 0.6 else EN_SENTENCES
    return ("" if pool is ZH_SENTENCES else " ").join(
        fill(rng, rng.choice(pool), links) for _ in range(rng.randint(2, 4)))


def bullet_list(rng, links):
    pool = LIST_ITEMS_ZH if rng.random() < 0.6 else LIST_ITEMS_EN
    numbered = rng.random() < 0.3
    items = rng.sample(pool, rng.randint(3, 5))
    return "\n".join(f"{f'{i + 1}.' if numbered else '-'} {fill(rng, item, links)}" for i, item in enumerate(items))


def pipe_table(rng, links):
    rows = ["| 时间 | 动作 | 负责人 |", "|---|---|---|"]
    hour = rng.randint(8, 14)
    for _ in range(rng.randint(3, 6)):
        hour_min = f"{hour:02d}:{rng.randrange(12) * 5:02d}"
        action = fill(rng, rng.choice(LIST_ITEMS_ZH + LIST_ITEMS_EN), links)
        rows.append(f"| {hour_min} | {action} | {rng.choice(ENGINEERS)} |")
        hour += 1
    return "\n".join(rows)


def body(rng, rec, procedure):
    """150 to 600 words of Markdown for rec, linking its related ids and procedure with [[ID]]."""
    links = list(rec.related[:3]) + ([procedure] if procedure else [])
    target = rng.randint(150, 600)
    with_table = rng.random() < 0.25
    headings = [zh if rng.random() < 0.6 else en
                for zh, en in zip(rng.sample(ZH_HEADINGS, 4), rng.sample(EN_HEADINGS, 4))]
    blocks, words = [], 0
    for index, heading in enumerate(headings):
        # Each section opens with a paragraph; some add a list, a table or a second paragraph.
        section = [f"## {heading}", paragraph(rng, links)]
        roll = rng.random()
        if with_table and index == 1:
            section.append(pipe_table(rng, links))
        elif roll < 0.35:
            section.append(bullet_list(rng, links))
        elif roll < 0.6:
            section.append(paragraph(rng, links))
        blocks += section
        words += sum(cjk_len(b) for b in section)
        if words >= target:
            break
    while words < target:
        blocks.append(paragraph(rng, links))
        words += cjk_len(blocks[-1])
    # A long last section may overshoot: drop trailing blocks (and a heading left alone) down to 600.
    while words > 590 and len(blocks) > 2:
        words -= cjk_len(blocks.pop())
        if blocks[-1].startswith("## "):
            words -= cjk_len(blocks.pop())
    if links and not any("[[" in b for b in blocks):
        blocks.append(f"参见 [[{links[0]}]]。")
    return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------------------------------------------
# The backbone: the periodic records every certified company keeps, whatever its size.

def backbone(rng):
    recs = []

    def add(rtype, rid, when, fields, title):
        recs.append(Record(rtype, rid, when, [("id", rid), ("title", yaml_str(title))] + fields))

    # Monthly self-checks, 2025-06 to 2026-11 (the current month's is done on the 20th).
    checkers = ["李娜", "王芳", "赵磊"]
    for i, (y, m) in enumerate(month_iter((2025, 6), (2026, 11))):
        day = dt.date(y, m, 20 if (y, m) == (2026, 11) else rng.randint(24, 28))
        add("self-check", f"SC-{y}-{m:02d}", day, [
            ("date", day.isoformat()), ("period", f"{y}-{m:02d}"), ("checked_by", checkers[i % 3]),
            ("owner", "李娜"), ("procedure", "PR-20"), ("clauses", "[iso20000-1:9.1]"),
            ("findings", f"\n  - 抽查{rng.randint(10, 40)}张工单，{rng.randint(0, 3)}张记录不完整，已退回补充"
                         f"\n  - 监控告警闭环率{rng.randint(95, 100)}%")], f"{y}年{m}月月度自查")
    # Monthly service reports, published early the next month.
    for y, m in month_iter((2025, 6), (2026, 10)):
        ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
        day = dt.date(ny, nm, rng.randint(3, 6))
        add("service-report", f"SRPT-{y}-{m:02d}", day, [
            ("date", day.isoformat()), ("period", f"{y}-{m:02d}"),
            ("result", yaml_str(f"全部 KPI 达标；事件平均解决时长{rng.randint(2, 5)}.{rng.randint(0, 9)}小时")),
            ("owner", "张伟"), ("procedure", "PR-20"), ("clauses", "[iso20000-1:9.4, iso20000-1:8.3.3]")],
            f"{y}年{m}月服务报告")
    # Quarterly records: process reviews, complaint analyses, service performance reviews, capacity.
    quarters = [(2025, 2), (2025, 3), (2025, 4), (2026, 1), (2026, 2), (2026, 3)]
    for y, q in quarters:
        ny, nq = (y + 1, 1) if q == 4 else (y, q + 1)
        first_month = 3 * nq - 2
        period = f"{y}-Q{q}"

        def qday(lo, hi):
            return dt.date(ny, first_month, rng.randint(lo, hi))
        day = qday(12, 16)
        add("process-review", f"PRV-{period}", day, [
            ("date", day.isoformat()), ("period", period), ("process", "全部服务管理过程"),
            ("reviewer", "张伟"), ("owner", "张伟"), ("procedure", "PR-20"),
            ("clauses", "[iso20000-1:9.1, iso20000-1:4.4]")], f"{y}年第{q}季度服务管理过程评审")
        if (y, q) == (2025, 2):
            continue
        day = qday(8, 14)
        add("complaint-analysis", f"CA-{period}", day, [
            ("date", day.isoformat()), ("period", period), ("status", "closed"),
            ("result", yaml_str(f"受理投诉确认率100%，15天结案率100%，回访平均{rng.randint(40, 48) / 10}分")),
            ("owner", "王芳"), ("procedure", "PR-16"), ("clauses", "[iso10002:8.2]")], f"{y}年第{q}季度投诉分析")
        day = qday(18, 24)
        add("service-performance-review", f"SPR-{period}", day, [
            ("date", day.isoformat()), ("period", period), ("status", "closed"),
            ("result", "A级客户服务级别全部达成，客户提出的改进建议已登记"), ("owner", "黄静"),
            ("procedure", "PR-05"), ("clauses", "[iso20000-1:8.3.3, iso20000-1:8.3.2]")],
            f"{y}年第{q}季度A级客户服务评审纪要")
        day = qday(12, 15)
        add("capacity-monitoring", f"CAP-{period}", day, [
            ("date", day.isoformat()), ("period", period), ("status", "closed"),
            ("result", f"存储使用率{rng.randint(55, 75)}%，互联网出口95值{rng.randint(35, 60)}%，均低于扩容阈值"),
            ("owner", "刘洋"), ("procedure", "PR-12"), ("clauses", "[iso20000-1:8.4.3, iso20000-1:8.4.2]")],
            f"{y}年第{q}季度容量监视报告")
    # Half-yearly: satisfaction surveys and availability reports.
    for y, h, day in [(2025, 1, dt.date(2025, 7, 8)), (2025, 2, dt.date(2026, 1, 15)),
                      (2026, 1, dt.date(2026, 7, 10))]:
        add("satisfaction-survey", f"SAT-{y}-H{h}", day, [
            ("date", day.isoformat()), ("period", f"{y}-H{h}"), ("responses", str(rng.randint(28, 45))),
            ("score", f"{rng.randint(430, 480) / 100:.2f}"), ("owner", "黄静"), ("procedure", "PR-17"),
            ("clauses", "[iso10002:8.3, iso20000-1:8.3.2]")], f"{y}年{'上' if h == 1 else '下'}半年顾客满意度调查报告")
    for y, h, day in [(2025, 2, dt.date(2026, 1, 9)), (2026, 1, dt.date(2026, 7, 8))]:
        add("availability-monitoring", f"AVM-{y}-H{h}", day, [
            ("date", day.isoformat()), ("period", f"{y}-H{h}"), ("status", "closed"),
            ("result", "云主机托管、邮件托管可用性均达到99.9%目标"), ("owner", "刘洋"), ("procedure", "PR-12"),
            ("clauses", "[iso20000-1:8.7.1]")], f"{y}年{'上' if h == 1 else '下'}半年服务可用性监视报告")
    # Trainings: the demo's calendar; the last one with everyone keeps people.training quiet.
    trainings = [
        ("TRN-2025-06", dt.date(2025, 6, 20), "李娜", [p for p in PEOPLE if p != "李娜"], "体系文件宣贯"),
        ("TRN-2025-10", dt.date(2025, 10, 24), "赵磊", ["张伟", "周杰", "王芳", "刘洋", "马超", "郑浩", "吴敏"], "重大事件演练"),
        ("TRN-2025-12", dt.date(2025, 12, 12), "王芳", ["张伟", "吴敏", "郑浩", "黄静", "孙丽"], "投诉处理技巧"),
        ("TRN-2026-03", dt.date(2026, 3, 11), "李娜", ["周杰", "张伟", "黄静", "刘洋"], "内审员能力提升"),
        ("TRN-2026-06", dt.date(2026, 6, 12), "马超", ["张伟", "周杰", "王芳", "赵磊", "刘洋", "郑浩"], "防火墙策略管理"),
        ("TRN-2026-08", dt.date(2026, 8, 21), "周杰", [p for p in PEOPLE if p != "周杰"], "信息安全意识"),
        ("TRN-2026-09", dt.date(2026, 9, 18), "李娜", [p for p in PEOPLE if p not in ("李娜", "张伟")], "纠正措施与根因分析"),
        ("TRN-2026-10", dt.date(2026, 10, 20), "王芳", ["吴敏", "郑浩", "黄静"], "服务台沟通规范"),
        ("TRN-2026-11", dt.date(2026, 11, 13), "赵磊", ["张伟", "周杰", "王芳", "刘洋", "马超", "郑浩", "吴敏"], "事件管理与重大事件演练"),
    ]
    for rid, day, trainer, attendees, topic in trainings:
        add("training", rid, day, [
            ("date", day.isoformat()), ("topic", topic), ("trainer", trainer), ("attendees", ylist(attendees)),
            ("hours", str(rng.choice([2, 3, 4]))), ("owner", "孙丽"), ("procedure", "PR-18"),
            ("clauses", "[iso20000-1:7.2, iso20000-1:7.3]")], f"{topic}培训")
    # Yearly: competence, internal audits and programmes, management reviews, external audits.
    for i, person in enumerate(PEOPLE):
        day = dt.date(2026, 1, 26) + dt.timedelta(days=i % 12)
        add("competence", f"CMPT-2026-{PINYIN[person]}", day, [
            ("person", person), ("role", ROLES[person]), ("evaluated_on", day.isoformat()), ("result", "胜任"),
            ("owner", "张伟" if person == "孙丽" else "孙丽"), ("procedure", "PR-18"),
            ("clauses", "[iso20000-1:7.2]")], f"{person} 2025年度能力评价（{ROLES[person]}）")
    for y, day, cday, pday in [(2025, dt.date(2025, 4, 15), dt.date(2025, 4, 17), dt.date(2025, 3, 10)),
                               (2026, dt.date(2026, 4, 20), dt.date(2026, 4, 22), dt.date(2026, 1, 12))]:
        add("internal-audit-programme", f"IAP-{y}", pday, [
            ("date", pday.isoformat()), ("period", f'"{y}"'), ("owner", "李娜"), ("procedure", "PR-02"),
            ("clauses", "[iso20000-1:9.2, iso10002:8.5]"), ("result", "已批准，按计划实施")], f"{y}年度内部审核方案")
        common = [("owner", "李娜"), ("procedure", "PR-02")]
        add("internal-audit", f"IA-{y}", day, [("date", day.isoformat())] + common + [
            ("auditors", "[李娜, 周杰]"), ("scope", f"[{IA_MAIN_SCOPE}]"), ("processes", f"[{IA_MAIN_PROCESSES}]"),
            ("clauses", "[iso20000-1:9.2, iso10002:8.5]"), ("result", "体系持续符合并有效运行；发现一般不符合2项")],
            f"{y}年度内部审核报告")
        add("internal-audit", f"IA-{y}-C1", cday, [("date", cday.isoformat())] + common + [
            ("auditors", "[周杰]"), ("scope", f"[{IA_C1_SCOPE}]"), ("processes", "[PR-01, PR-02, PR-04]"),
            ("clauses", "[iso20000-1:9.2]"), ("result", "未发现不符合")], f"{y}年度交叉审核（质量管理过程）")
        add("internal-audit", f"IA-{y}-C2", cday, [("date", cday.isoformat())] + common + [
            ("auditors", "[李娜]"), ("scope", f"[{IA_C2_SCOPE}]"), ("processes", "[PR-14]"),
            ("clauses", "[iso20000-1:9.2]"), ("result", "观察项1项")], f"{y}年度交叉审核（信息安全管理）")
    everyone_but = [p for p in PEOPLE if p not in ("郑浩", "吴敏")]
    for y, day in [(2025, dt.date(2025, 5, 8)), (2026, dt.date(2026, 5, 12))]:
        add("management-review", f"MR-{y}", day, [
            ("date", day.isoformat()), ("chair", "陈建国"), ("attendees", ylist(everyone_but)),
            ("inputs", "\n  - 上一次管理评审决议的落实情况\n  - 内部审核结果\n  - 顾客满意度与投诉处理绩效"
                       "\n  - 服务管理目标达成情况"),
            ("decisions", "\n  - 维持现有服务管理目标\n  - 关键技能AB角培养年底前完成")], f"{y}年度管理评审")
    for rid, day, kind, std, owner in [
            ("EA-2025-S1", dt.date(2025, 4, 28), "stage1", "iso20000-1", "张伟"),
            ("EA-2025-S2", dt.date(2025, 5, 26), "stage2", "iso20000-1", "张伟"),
            ("EA-2025-S2-10002", dt.date(2025, 5, 27), "stage2", "iso10002", "王芳"),
            ("EA-2026-SV1", dt.date(2026, 5, 28), "surveillance", "iso20000-1", "张伟"),
            ("EA-2026-SV1-10002", dt.date(2026, 5, 29), "surveillance", "iso10002", "王芳")]:
        clause = "iso10002:8.5" if std == "iso10002" else "iso20000-1:9.2"
        add("external-audit", rid, day, [
            ("date", day.isoformat()), ("body", "华信认证中心有限公司"), ("kind", kind), ("standard", std),
            ("owner", owner), ("clauses", f"[{clause}]"), ("result", "推荐注册/保持认证；一般不符合1项")],
            f"{std} {kind} 审核")
    # Yearly technical records.
    for y, day in [(2025, dt.date(2025, 11, 15)), (2026, dt.date(2026, 10, 24))]:
        add("continuity-test", f"CT-{y}", day, [
            ("date", day.isoformat()), ("scenario", "数港机房整体不可用，关键虚机在阿里云恢复"),
            ("result", "恢复目标全部达成"), ("owner", "赵磊"), ("procedure", "PR-13"),
            ("clauses", "[iso20000-1:8.7.2]")], f"{y}年度服务连续性技术演练")
    for y, day in [(2025, dt.date(2025, 12, 5)), (2026, dt.date(2026, 11, 6))]:
        add("configuration-verification", f"CV-{y}", day, [
            ("date", day.isoformat()), ("period", f'"{y}"'), ("status", "closed"),
            ("result", "全面核查准确率98.5%，达到98%目标"), ("owner", "刘洋"), ("procedure", "PR-11"),
            ("clauses", "[iso20000-1:8.2.6]")], f"{y}年度配置核查")
    for rid, day, owner, proc, clauses, what in [
            ("RA-2026-SEC", dt.date(2026, 2, 26), "周杰", "PR-14", "iso20000-1:8.7.3.2, iso20000-1:6.1", "信息安全"),
            ("RA-2026-AVAIL", dt.date(2026, 6, 10), "刘洋", "PR-12", "iso20000-1:8.7.1, iso20000-1:6.1", "服务可用性"),
            ("RA-2026-CONT", dt.date(2026, 6, 10), "赵磊", "PR-13", "iso20000-1:8.7.2, iso20000-1:6.1", "服务连续性")]:
        add("risk-assessment", rid, day, [
            ("date", day.isoformat()), ("period", '"2026"'), ("status", "approved"),
            ("result", "识别风险已全部制定处置计划并纳入风险登记册"), ("owner", owner), ("procedure", proc),
            ("clauses", f"[{clauses}]")], f"2026年度{what}风险评估")
    for rid, day, name in [("SUP-2026-ALIYUN", dt.date(2026, 11, 10), "阿里云计算有限公司"),
                           ("SUP-2026-XUNTONG", dt.date(2026, 11, 11), "浙江讯通网络科技有限公司"),
                           ("SUP-2026-SHUGANG", dt.date(2026, 11, 10), "杭州数港数据中心有限公司"),
                           ("SUP-2026-ANDUN", dt.date(2026, 11, 12), "杭州安盾安全技术有限公司")]:
        add("supplier-evaluation", rid, day, [
            ("date", day.isoformat()), ("supplier", name), ("result", f"{rng.randint(75, 95)}分，合格"),
            ("owner", "张伟"), ("procedure", "PR-15"), ("clauses", "[iso20000-1:8.3.4.1]")], f"2026年度供应商评价：{name}")
    return recs


# ---------------------------------------------------------------------------------------------------
# The day-to-day records.

def split_counts(total):
    """total split over VOLUME_WEIGHTS by largest remainder, so the counts add up exactly."""
    weight_sum = sum(w for _, w in VOLUME_WEIGHTS)
    raw = [(t, total * w / weight_sum) for t, w in VOLUME_WEIGHTS]
    counts = {t: int(x) for t, x in raw}
    rest = total - sum(counts.values())
    for t, x in sorted(raw, key=lambda p: (-(p[1] - int(p[1])), p[0]))[:rest]:
        counts[t] += 1
    return counts


def volume_moments(rng, count):
    """count sorted moments between VOLUME_START and the day before the as-of day."""
    days = (LAST_MOMENT.date() - VOLUME_START).days + 1
    return sorted(moment_on(rng, VOLUME_START + dt.timedelta(days=rng.randrange(days))) for _ in range(count))


def numbered(prefix, moments, width):
    """Ids PREFIX-YYYY-NNNN numbered per year in date order (zero-padded to width, longer past 9999)."""
    seq, ids = {}, []
    for m in moments:
        seq[m.year] = seq.get(m.year, 0) + 1
        ids.append(f"{prefix}-{m.year}-{seq[m.year]:0{width}d}")
    return ids


def until_end(moment, hours):
    """moment + hours, or None when that is after the last moment of the corpus."""
    end = moment + dt.timedelta(minutes=int(hours * 60))
    return end if end <= LAST_MOMENT else None


def volume(rng, counts, self_checks):
    recs = []

    def cust():
        return rng.choice(CUSTOMERS)

    def sysname():
        return rng.randrange(len(SYSTEMS))

    # Incidents: resolution mostly within a working morning, so the 8-hour p90 target holds.
    moments = volume_moments(rng, counts["incident"])
    for rid, opened in zip(numbered("INC", moments, 4), moments):
        c, s = cust(), sysname()
        prio = weighted(rng, [("P1", 2), ("P2", 10), ("P3", 55), ("P4", 33)])
        hours = rng.uniform(9, 30) if rng.random() < 0.03 else rng.uniform(0.25, 6.5)
        resolved = until_end(opened, hours)
        status = "open" if resolved is None or (LAST_MOMENT - opened).days < 1 and rng.random() < 0.5 \
            else weighted(rng, [("closed", 85), ("resolved", 15)])
        fields = [("id", rid), ("title", yaml_str(f"{c[1]}{SYSTEMS[s]}{rng.choice(SYMPTOMS)}")),
                  ("opened", fmt_dt(opened)), ("priority", prio), ("service", rng.choice(SERVICES)),
                  ("status", status)]
        if status != "open":
            fields.append(("resolved", fmt_dt(resolved)))
        fields += [("owner", rng.choice(ENGINEERS)), ("procedure", "PR-06"), ("clauses", "[iso20000-1:8.6.1]")]
        recs.append(Record("incident", rid, opened, fields))
    # Service requests.
    moments = volume_moments(rng, counts["service-request"])
    for rid, opened in zip(numbered("SR", moments, 4), moments):
        c = cust()
        fulfilled = until_end(opened, rng.uniform(0.5, 72))
        status = "closed" if fulfilled is not None and not ((LAST_MOMENT - opened).days < 3 and rng.random() < 0.5) \
            else "open"
        fields = [("id", rid), ("title", yaml_str(f"{c[1]}{rng.choice(REQUESTS)}")), ("opened", fmt_dt(opened)),
                  ("status", status)]
        if status == "closed":
            fields.append(("fulfilled", fmt_dt(fulfilled)))
        fields += [("owner", rng.choice(ENGINEERS)), ("procedure", "PR-07"), ("clauses", "[iso20000-1:8.6.2]")]
        recs.append(Record("service-request", rid, opened, fields))
    # Changes.
    moments = volume_moments(rng, counts["change"])
    for rid, requested in zip(numbered("CHG", moments, 3), moments):
        s = sysname()
        implemented = until_end(requested, rng.uniform(24, 240))
        status = "closed" if implemented is not None else "open"
        fields = [("id", rid), ("title", yaml_str(f"{SYSTEMS[s]}{rng.choice(CHANGES)}")),
                  ("requested", fmt_dt(requested)), ("approved_by", weighted(rng, [("张伟", 8), ("赵磊", 2)])),
                  ("risk", weighted(rng, [("low", 40), ("medium", 40), ("high", 20)])), ("status", status)]
        if status == "closed":
            fields += [("implemented", fmt_dt(implemented)), ("result", "成功，验证通过，未触发回退")]
        clauses = "[iso20000-1:8.5.1.2, iso20000-1:8.5.1.3]" if rng.random() < 0.8 else "[iso20000-1:8.5.1.2]"
        fields += [("owner", rng.choice(["马超", "刘洋", "赵磊"])), ("procedure", "PR-09"), ("clauses", clauses)]
        recs.append(Record("change", rid, requested, fields))
    # Complaints: acknowledged within a day and closed within 15 days (the config's targets).
    moments = volume_moments(rng, counts["complaint"])
    for rid, received in zip(numbered("CMP", moments, 3), moments):
        c = cust()
        left = (LAST_MOMENT - received).total_seconds() / 3600
        ack = until_end(received, min(rng.uniform(0.2, 20), left))
        closed = until_end(received, rng.uniform(24, 14 * 24))
        if ack is None or left < 0.2:
            status = "new"
        elif closed is None or left < 240 and rng.random() < 0.5:
            status = rng.choice(["acknowledged", "investigating"])
        else:
            status = "closed"
        contact = f"{{ name: {c[0]}, phone: {c[3]}, email: {c[4]} }}"
        fields = [("id", rid), ("title", yaml_str(f"{c[1]}投诉：{rng.choice(COMPLAINT_ISSUES)}")),
                  ("received", fmt_dt(received)), ("channel", weighted(rng, CHANNELS)), ("customer", contact),
                  ("category", rng.choice(COMPLAINT_CATEGORIES)), ("status", status)]
        if status != "new":
            fields.append(("acknowledged", fmt_dt(ack)))
        if status == "closed":
            fields += [("closed", fmt_dt(closed)), ("resolution", "已向客户说明原因并致歉，整改措施已落实，客户确认接受")]
        extra = rng.sample(["iso10002:7.4", "iso10002:7.5", "iso10002:7.6", "iso10002:7.7", "iso10002:7.8",
                            "iso10002:7.9"], rng.randint(1, 4))
        fields += [("owner", "王芳"), ("procedure", "PR-16"), ("clauses", ylist(["iso10002:7.2"] + sorted(extra)))]
        recs.append(Record("complaint", rid, received, fields))
    # Problems.
    moments = volume_moments(rng, counts["problem"])
    for rid, opened in zip(numbered("PRB", moments, 3), moments):
        s = sysname()
        recent = (LAST_MOMENT - opened).days < 60
        status = weighted(rng, [("open", 3), ("known-error", 3), ("closed", 4)] if recent
                          else [("open", 1), ("known-error", 2), ("closed", 17)])
        fields = [("id", rid), ("title", yaml_str(f"{SYSTEMS[s]}{rng.choice(SYMPTOMS)}的根本原因分析")),
                  ("opened", fmt_dt(opened)), ("status", status)]
        if status == "closed":
            fields.append(("root_cause", "配置基线未随扩容同步更新，新节点沿用默认参数；已修订检查单并完成全量核查"))
        fields += [("owner", rng.choice(["刘洋", "马超", "赵磊"])), ("procedure", "PR-08"),
                   ("clauses", "[iso20000-1:8.6.3]")]
        recs.append(Record("problem", rid, opened, fields))
    # Nonconformities: closed and verified by an auditor before their due date, or open and not yet due.
    moments = volume_moments(rng, counts["nonconformity"])
    check_days = [sc.day for sc in self_checks]
    for rid, found in zip(numbered("NC", moments, 3), moments):
        found_on = found.date()
        due = found_on + dt.timedelta(days=rng.randint(30, 60))
        owner = rng.choice(["张伟", "王芳", "赵磊", "刘洋", "黄静", "马超"])
        severity = weighted(rng, [("minor", 7), ("observation", 3)])
        source = self_checks[max(0, bisect_right(check_days, found_on) - 1)].id
        yesterday = AS_OF - dt.timedelta(days=1)
        closed_on = min(found_on + dt.timedelta(days=rng.randint(5, (due - found_on).days - 5)), yesterday)
        # Past its due date it must be closed (else nc.overdue); before it, half are still open.
        status = "closed" if due < AS_OF or (closed_on < yesterday and rng.random() < 0.5) else "open"
        fields = [("id", rid), ("title", yaml_str(f"{rng.choice(SERVICES)}过程记录不完整")),
                  ("found_on", found_on.isoformat()), ("source", source), ("clause", rng.choice(NC_CLAUSES)),
                  ("severity", severity), ("description", "月度自查抽查工单发现处理记录缺少关键步骤和客户确认"),
                  ("owner", owner), ("due", due.isoformat()), ("status", status)]
        if status == "closed":
            verified_on = min(closed_on + dt.timedelta(days=rng.randint(0, 6)), yesterday)
            fields += [("root_cause", "工单模板未设置必填项，新员工不熟悉记录要求"),
                       ("corrective_action", "工单模板增加必填项并对服务台全员培训"),
                       ("closed_on", closed_on.isoformat()), ("verified_by", rng.choice(AUDITORS)),
                       ("verified_on", verified_on.isoformat())]
        fields += [("procedure", "PR-04"), ("clauses", "[iso20000-1:10.1]")]
        recs.append(Record("nonconformity", rid, found, fields))
    # The generic kinds: known errors, releases, improvements, security incidents, major incident reports.
    generic = [("known-error", "KE", 3, "PR-08", "[iso20000-1:8.6.3]", "{sys}{sym}的临时解决方法"),
               ("release", "REL", 3, "PR-10", "[iso20000-1:8.5.3, iso20000-1:8.5.2.3]", "发布：{sys}{chg}"),
               ("improvement-register", "IMP", 3, "PR-04", "[iso20000-1:10.2, iso20000-1:8.4.1]",
                "{sys}运维改进：减少{sym}"),
               ("security-incident", "SEC", 3, "PR-14", "[iso20000-1:8.7.3.3]", "{cust}{sys}遭暴力破解尝试（已拦截）"),
               ("major-incident-report", "MIR", 3, "PR-06", "[iso20000-1:8.6.1]", "重大事件报告：{sys}{sym}")]
    for rtype, prefix, width, proc, clauses, title in generic:
        moments = volume_moments(rng, counts[rtype])
        for rid, when in zip(numbered(prefix, moments, width), moments):
            day = when.date()
            text = title.format(sys=rng.choice(SYSTEMS), sym=rng.choice(SYMPTOMS), chg=rng.choice(CHANGES),
                                cust=cust()[1])
            status = "open" if rtype == "improvement-register" and rng.random() < 0.3 else "closed"
            fields = [("id", rid), ("title", yaml_str(text)), ("date", day.isoformat())]
            if rtype == "improvement-register":
                fields.append(("period", f'"{day.year}"'))
            fields += [("status", status), ("result", "已完成并验证有效" if status == "closed" else "进行中"),
                       ("owner", rng.choice(ENGINEERS)), ("procedure", proc), ("clauses", clauses)]
            recs.append(Record(rtype, rid, when, fields))
    return recs


# Which record types a record of each type tends to cite in `related:`.
RELATES_TO = {
    "incident": ["problem", "known-error", "incident", "change"],
    "service-request": ["change", "service-request"],
    "change": ["problem", "incident", "release"],
    "complaint": ["incident", "service-request"],
    "problem": ["incident", "incident", "change"],
    "nonconformity": ["complaint", "incident", "change"],
    "known-error": ["problem", "incident"],
    "release": ["change", "change"],
    "improvement-register": ["nonconformity", "problem"],
    "security-incident": ["incident"],
    "major-incident-report": ["incident", "problem"],
    "self-check": ["incident", "complaint", "nonconformity"],
    "process-review": ["self-check", "service-report"],
    "service-report": ["incident", "complaint"],
    "complaint-analysis": ["complaint", "complaint"],
    "management-review": ["internal-audit", "satisfaction-survey"],
    "internal-audit": ["internal-audit-programme"],
}


def link(rng, recs):
    """Give records `related:` ids of earlier records (the last 200 of a type), so links stay local."""
    by_type = {}
    for r in sorted(recs, key=lambda r: (r.when if isinstance(r.when, dt.datetime)
                                         else dt.datetime.combine(r.when, dt.time()), r.id)):
        by_type.setdefault(r.type, []).append(r)
    keys = {t: [(x.when if isinstance(x.when, dt.datetime) else dt.datetime.combine(x.when, dt.time()))
                for x in lst] for t, lst in by_type.items()}
    for r in recs:
        targets = RELATES_TO.get(r.type)
        if not targets or rng.random() < 0.35:
            continue
        at = r.when if isinstance(r.when, dt.datetime) else dt.datetime.combine(r.when, dt.time())
        chosen = []
        for _ in range(rng.randint(1, 3)):
            t = rng.choice(targets)
            pool = by_type.get(t, [])
            end = bisect_right(keys.get(t, []), at)
            if end == 0:
                continue
            cand = pool[rng.randrange(max(0, end - 200), end)]
            if cand.id != r.id and cand.id not in chosen:
                chosen.append(cand.id)
        r.related = chosen


# ---------------------------------------------------------------------------------------------------
# Writing.

def render(rng, rec):
    procedure = dict(rec.fields).get("procedure")
    lines = ["---"]
    for key, value in rec.fields:
        if key == "clauses" and rec.related:
            lines.append(f"related: {ylist(rec.related)}")
        lines.append(f"{key}: {value}" if not value.startswith("\n") else f"{key}:{value}")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body(rng, rec, procedure)


def demo_files():
    """The demo's dossier.yml and controlled documents: (relative path, bytes), sorted."""
    files = [("dossier.yml", (REPO / "dossier.yml").read_bytes())]
    content = REPO / "Content"
    for top in sorted(p for p in content.iterdir() if p.name != "records"):
        if top.is_file():
            files.append((f"Content/{top.name}", top.read_bytes()))
            continue
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames.sort()
            for name in sorted(filenames):
                path = Path(dirpath) / name
                files.append((path.relative_to(REPO).as_posix(), path.read_bytes()))
    return files


def corpus_key(size, demo):
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for rel, data in demo:
        digest.update(rel.encode() + b"\0" + hashlib.sha256(data).digest())
    return f"size={size} key={digest.hexdigest()}\n"


def generate(size, out):
    demo = demo_files()
    key = corpus_key(size, demo)
    stamp = out / STAMP
    if stamp.is_file() and stamp.read_text() == key:
        print(f"generate: reusing {out} ({size} records)")
        return
    if out.exists() and not stamp.is_file():
        sys.exit(f"generate: {out} exists and is not a corpus made by this script; refusing to replace it")

    rng = random.Random(f"dossier-bench-{size}")
    spine = backbone(rng)
    if size < len(spine) + 500:
        sys.exit(f"generate: SIZE must be at least {len(spine) + 500} (the backbone alone is {len(spine)} records)")
    recs = spine + volume(rng, split_counts(size - len(spine)), [r for r in spine if r.type == "self-check"])
    ids = {r.id for r in recs}
    assert len(ids) == len(recs), "duplicate ids"
    missing = [i for i in REQUIRED_IDS if i not in ids]
    if missing:
        sys.exit(f"generate: SIZE {size} is too small to contain {', '.join(missing)} (linked from the demo's documents)")
    link(rng, recs)

    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    for rel, data in demo:
        path = tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for rec in recs:
        path = tmp / "Content" / "records" / rec.type / str(rec.day.year) / f"{rec.id}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(rng, rec), encoding="utf-8")
    (tmp / STAMP).write_text(key)
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    print(f"generate: wrote {out} ({size} records, {len(demo) - 1} demo files)")


def main(argv):
    if len(argv) != 3 or not argv[1].isdigit():
        sys.exit("usage: generate.py SIZE OUT_DIR   (SIZE: number of records, e.g. 1000)")
    generate(int(argv[1]), Path(argv[2]).resolve())


if __name__ == "__main__":
    main(sys.argv)
