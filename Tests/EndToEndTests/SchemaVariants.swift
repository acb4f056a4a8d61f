/// A catalog that skuc accepts and that an editor must not flag, written the ways that the YAML
/// 1.2 core typing of editors makes tricky: ids `no`, `on`, `yes`, `off`; plain-string names with
/// one locale; decimals quoted and unquoted; integers written as quoted digits.
struct CatalogVariant: CustomStringConvertible {
  var name: String
  var yaml: String

  var description: String { name }
}

extension CatalogVariant {
  static let all: [CatalogVariant] = [
    CatalogVariant(
      name: "ids no, on, yes and off, unquoted",
      yaml: """
        skuc: 1
        product:
          id: backup-service
          type: saas
          name: {zh-CN: 备份服务, en-US: Backup Service}
          currency: CNY
        attributes:
          encrypted:
            type: enum
            name: {zh-CN: 加密, en-US: Encrypted}
            values:
              no: {zh-CN: 否, en-US: No}
              yes: {zh-CN: 是, en-US: Yes}
          replication:
            type: enum
            name: {zh-CN: 复制, en-US: Replication}
            values:
              off: {zh-CN: 关闭, en-US: Off}
              on: {zh-CN: 开启, en-US: On}
        specs:
          standard:
            name: {zh-CN: 标准版, en-US: Standard}
            billing: period
            periods: [month]
            attributes: [encrypted, replication]
            rules:
              - forbid: {encrypted: yes, replication: off}
            pricing:
              - add: 10
              - when: {encrypted: yes}
                add: 5
              - when: {replication: [on]}
                add:
                  by: encrypted
                  table: {no: 1, yes: 2}
            checks:
              - monotonic: encrypted
              - ratio: {attribute: replication, numerator: on, denominator: off, min: 1}
        """),
    CatalogVariant(
      name: "one locale with plain-string names, numbers as names",
      yaml: """
        skuc: 1
        product:
          id: hardware-key
          type: hardware
          name: 加密狗
          locales: [zh-CN]
          currency: CNY
        attributes:
          model:
            type: enum
            name: 型号
            values:
              v2024: 2024
              v2025: 2025
        specs:
          buy:
            name: 购买
            billing: one-time
            attributes: [model]
            pricing:
              - add: {by: model, table: {v2024: 199, "*": 299}}
        """),
    CatalogVariant(
      name: "decimals quoted and unquoted, negative amounts",
      yaml: """
        skuc: 1
        product:
          id: sms-api
          type: api
          name: {zh-CN: 短信接口, en-US: SMS API}
          currency: CNY
        attributes: {}
        specs:
          per-message:
            name: {zh-CN: 按条, en-US: Per message}
            billing: on-demand
            usage_unit: {zh-CN: 条, en-US: message}
            pricing:
              - add: 0.10
              - add: "0.10"
              - add: -0.05
              - multiply: 2
            checks:
              - bounds: {min: 0.01, max: "1"}
        """),
    CatalogVariant(
      name: "integers written as quoted digits",
      yaml: """
        skuc: "1"
        product:
          id: training
          type: manual-service
          name: {zh-CN: 培训, en-US: Training}
          currency: JPY
          precision: "0"
          rounding: down
          limits: {max_enum_values: "12", max_skus_per_spec: 200}
        attributes:
          hours:
            type: quantity
            name: {zh-CN: 课时, en-US: Hours}
            min: "2"
            max: 40
            step: "2"
        specs:
          course:
            name: {zh-CN: 课程, en-US: Course}
            billing: period
            periods: [year, month]
            trial_days: "7"
            attributes: [hours]
            rules:
              - limit: {hours: {min: "4"}}
            pricing:
              - per: hours
                model: volume
                tiers:
                  - {upto: "10", unit: 5000}
                  - {unit: "4500"}
              - when: {period: year}
                multiply: 10
        """),
    CatalogVariant(
      name: "three-level table with wildcards",
      yaml: """
        skuc: 1
        product:
          id: gpu-cloud
          type: saas
          name: {en-US: GPU Cloud, zh-CN: GPU 云}
          currency: USD
          locales: [en-US, zh-CN]
        attributes:
          gpu:
            type: enum
            name: {en-US: GPU, zh-CN: 显卡}
            values:
              a10: {en-US: A10, zh-CN: A10}
              h100: {en-US: H100, zh-CN: H100}
          region:
            type: enum
            name: {en-US: Region, zh-CN: 区域}
            values:
              cn-north: {en-US: North China, zh-CN: 华北}
              ap-southeast: {en-US: Singapore, zh-CN: 新加坡}
        specs:
          reserved:
            name: {en-US: Reserved, zh-CN: 包年包月}
            billing: on-demand-package
            periods: [month, year]
            attributes: [gpu, region]
            pricing:
              - add:
                  by: [gpu, region, period]
                  table:
                    a10:
                      "*": {month: 500, year: 5000}
                    h100:
                      cn-north: {month: 2000, year: 20000}
                      "*": {month: 2200, year: 22000}
            checks:
              - monotonic: gpu
              - ratio: {attribute: period, numerator: year, denominator: month, max: 10}
        """),
    CatalogVariant(
      name: "three locales and a raised enum value limit",
      yaml: """
        skuc: 1
        product:
          id: translation-corpus
          type: data-asset
          name: {zh-CN: 翻译语料, en-US: Translation corpus, ja-JP: 翻訳コーパス}
          currency: HKD
          locales: [zh-CN, en-US, ja-JP]
          limits: {max_enum_values: 12}
        attributes:
          pair:
            type: enum
            name: {zh-CN: 语言对, en-US: Language pair, ja-JP: 言語ペア}
            values:
              p01: {zh-CN: 对1, en-US: Pair 1, ja-JP: ペア1}
              p02: {zh-CN: 对2, en-US: Pair 2, ja-JP: ペア2}
              p03: {zh-CN: 对3, en-US: Pair 3, ja-JP: ペア3}
              p04: {zh-CN: 对4, en-US: Pair 4, ja-JP: ペア4}
              p05: {zh-CN: 对5, en-US: Pair 5, ja-JP: ペア5}
              p06: {zh-CN: 对6, en-US: Pair 6, ja-JP: ペア6}
              p07: {zh-CN: 对7, en-US: Pair 7, ja-JP: ペア7}
              p08: {zh-CN: 对8, en-US: Pair 8, ja-JP: ペア8}
              p09: {zh-CN: 对9, en-US: Pair 9, ja-JP: ペア9}
              p10: {zh-CN: 对10, en-US: Pair 10, ja-JP: ペア10}
              p11: {zh-CN: 对11, en-US: Pair 11, ja-JP: ペア11}
        specs:
          license:
            name: {zh-CN: 授权, en-US: License, ja-JP: ライセンス}
            billing: one-time
            attributes: [pair]
            pricing:
              - add: 100
              - add: {by: pair, table: {p11: 50, "*": 0}}
        """),
  ]
}
