// libFuzzer entry point: the fuzzer's bytes are one content file, Content/records/incident/F.md.
// They go through what `dossier check` does to a file: encoding check, front-matter splitting, YAML
// reading (Yams), type lookup, the Markdown body (libcmark, pipe tables, links), then, when the file
// yields an entry, the whole validator on a one-entry site of the demo organisation's config.
//
// Only DossierKit's public API is used, so the library is built in release mode without
// `-enable-testing`. Built and run by Fuzz/build.sh and Fuzz/run.sh (`make fuzz`).
//
// Besides "no crash", three invariants are checked (a violation traps, which libFuzzer reports as a
// crash): a file that yields no entry has at least one diagnostic saying why, every diagnostic
// points at a line and column of at least 1, and the fast front-matter reader (PlainYAML, behind
// YAMLReader) answers exactly as Yams does whenever it answers.

import DossierKit
import Foundation

/// A copy of the demo's dossier.yml (standards, schedules, people), so that the schedule, people
/// and coverage rules have something to check the entry against.
private let fuzzConfig = """
organization:
  name: 杭州云帆信息技术有限公司
  short_name: 云帆信息
scope: 为华东地区中小企业提供IT运维、云托管与客户支持服务
language: zh-CN
base_url: /
theme: default
standards: [iso20000-1, iso10002]
exclusions:
  - clause: iso20000-1:8.3.4.2
    reason: 公司为单一法人实体，不存在内部供应商或作为供应商的内部客户
schedules:
  internal-audit: 12 months
  management-review: 12 months
  self-check: 1 month
  process-review: 3 months
  training: 6 months
  satisfaction-survey: 12 months
  service-report: 1 month
  document-review: 12 months
targets:
  incident.resolution_hours.p90: 8
  complaint.acknowledge_hours.max: 24
  complaint.close_days.max: 15
  satisfaction.score.min: 4.2
certifications:
  - standard: iso20000-1
    body: 华信认证中心有限公司
    number: CN-ITSM-2025-0123
    issued: 2025-06-10
    expires: 2028-06-09
  - standard: iso10002
    body: 华信认证中心有限公司
    number: CN-CH-2025-0456
    issued: 2025-06-10
    expires: 2028-06-09
people:
  - { name: 陈建国, role: 总经理 }
  - { name: 张伟, role: 服务经理 }
  - { name: 李娜, role: 质量负责人, auditor: true }
  - { name: 周杰, role: 信息安全专员, auditor: true }
  - { name: 王芳, role: 客服主管 }
  - { name: 赵磊, role: 运维主管 }
  - { name: 刘洋, role: 运维工程师 }
  - { name: 马超, role: 网络工程师 }
  - { name: 郑浩, role: 技术支持工程师 }
  - { name: 吴敏, role: 客服专员 }
  - { name: 黄静, role: 客户经理 }
  - { name: 孙丽, role: 人事行政专员 }
profiles:
  public:   { include: [manual, policy] }
  auditor:  { include: all, redact: [customer.phone, customer.email] }
  internal: { include: all }
default_profile: internal
types: {}
rules: {}

"""

/// The parsed config, built-in types and checklists, made once per process through the public
/// loading path (an in-memory site with the config and an empty Content/ folder).
private struct FuzzContext: Sendable {
    let config: SiteConfig
    let catalog: TypeCatalog
    let checklists: [Checklist]
    let parser: EntryParser
    let asOf: Day

    init() {
        let fileSystem = FileSystem.memory([
            "/site/dossier.yml": Data(fuzzConfig.utf8),
            "/site/Content/attachments/evidence.txt": Data("evidence".utf8),
        ])
        let site: Site
        do {
            site = try SiteParser().parse(SiteSource.read(root: "/site", fileSystem: fileSystem)).site
        } catch {
            fatalError("fuzz harness: the built-in data or the config does not load: \(error)")
        }
        config = site.config
        catalog = site.catalog
        checklists = site.checklists
        parser = EntryParser(catalog: site.catalog, allowRawHTML: false)
        asOf = Day(year: 2026, month: 11, day: 22)!
    }
}

private let context = FuzzContext()

/// What the fuzzer and the regression tests share: one file's bytes through parse and validate.
/// Returns every diagnostic; traps when an invariant above does not hold.
@inline(never)
func checkOneFile(_ data: Data) -> [Diagnostic] {
    let file = SourceFile(path: "Content/records/incident/F.md", data: data)
    let parsed = context.parser.parse(file)
    var diagnostics = parsed.diagnostics
    if let entry = parsed.entry {
        var site = Site(config: context.config, catalog: context.catalog, entries: [entry],
                        checklists: context.checklists)
        let links = LinkResolver().resolve(site.entries, index: site.indexByID)
        site.entries[0].resolvedLinks = links.links[0]
        diagnostics = Validator().validate(site, asOf: context.asOf, earlier: diagnostics + links.diagnostics)
    } else if diagnostics.isEmpty {
        fatalError("fuzz invariant: the file yields no entry and no diagnostic")
    }
    for diagnostic in diagnostics {
        if let location = diagnostic.location, location.line < 1 || location.column < 1 {
            fatalError("fuzz invariant: diagnostic \(diagnostic.rule) at line \(location.line), column \(location.column)")
        }
    }
    return diagnostics
}

/// The front matter read with the fast path and with Yams alone: the same answer
/// (`YAMLReader.sameAnswer`), or the fast path stood aside.
@inline(never)
func checkFastYAMLAgreesWithYams(_ data: Data) {
    guard let text = String(data: data, encoding: .utf8),
          case let .success(split) = FrontMatterSplitter().split(text) else { return }
    let fast = YAMLReader().read(split.yaml, firstLine: split.yamlFirstLine)
    let yams = YAMLReader(plainFastPath: false).read(split.yaml, firstLine: split.yamlFirstLine)
    switch (fast, yams) {
    case let (.success(a), .success(b)):
        if !YAMLReader.sameAnswer(a, b) {
            fatalError("fuzz invariant: the fast YAML reader and Yams disagree")
        }
    case (.failure, .failure): return
    default: fatalError("fuzz invariant: the fast YAML reader answered where Yams fails (or the reverse)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    _ = checkOneFile(bytes)
    checkFastYAMLAgreesWithYams(bytes)
    return 0
}
