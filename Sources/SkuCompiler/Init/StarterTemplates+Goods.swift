/// Starter catalogs for goods sold once or by usage: hardware, APIs, AI and data assets.
extension StarterTemplates {
  static let hardware = """
    skuc: 1
    product:
      id: hardware-example
      type: hardware
      name: {zh-CN: 边缘计算网关, en-US: Edge Computing Gateway}
      currency: CNY
      locales: [zh-CN, en-US]
    attributes:
      device_model:
        type: enum
        name: {zh-CN: 设备型号, en-US: Device model}
        values:
          g100: {zh-CN: G100 标准型, en-US: G100 Standard}
          g300: {zh-CN: G300 高性能型, en-US: G300 Performance}
      warranty:
        type: enum
        name: {zh-CN: 保修期, en-US: Warranty}
        values:
          years_1: {zh-CN: 1年保修, en-US: 1-year warranty}
          years_3: {zh-CN: 3年保修, en-US: 3-year warranty}
      units:
        type: quantity
        name: {zh-CN: 采购台数, en-US: Units}
        unit: {zh-CN: 台, en-US: unit}
        min: 1
        max: 200
    specs:
      purchase:
        name: {zh-CN: 整机购买, en-US: Purchase}
        billing: one-time           # hardware is sold once
        attributes: [device_model, warranty, units]
        pricing:
          # Graduated (阶梯定价): units 1-10 at 3999, 11-50 at 3799, the rest at 3599.
          - per: units
            model: graduated
            tiers:
              - {upto: 10, unit: 3999}
              - {upto: 50, unit: 3799}
              - {unit: 3599}
          - when: {device_model: g300}
            per: units
            multiply: "1.6"
          - when: {warranty: years_3}
            per: units
            add: 600
        checks:
          - monotonic: device_model
          - monotonic: warranty

    """

  static let api = """
    skuc: 1
    product:
      id: api-example
      type: api
      name: {zh-CN: 语音转写API, en-US: Speech-to-Text API}
      currency: CNY
      locales: [zh-CN, en-US]
      precision: 3                  # per-minute prices need a tenth of a fen
    attributes:
      accuracy:
        type: enum
        name: {zh-CN: 识别模型, en-US: Recognition model}
        values:
          standard: {zh-CN: 标准模型, en-US: Standard}
          enhanced: {zh-CN: 增强模型, en-US: Enhanced}
      package:
        type: enum
        name: {zh-CN: 套餐规格, en-US: Package}
        values:
          hours_100:  {zh-CN: 100小时, en-US: 100 hours}
          hours_1000: {zh-CN: 1000小时, en-US: 1000 hours}
    specs:
      pay-as-you-go:
        name: {zh-CN: 按量付费, en-US: Pay as you go}
        billing: on-demand
        usage_unit: {zh-CN: 分钟, en-US: minute}
        attributes: [accuracy]
        pricing:
          - add:
              by: accuracy
              table: {standard: "0.020", enhanced: "0.035"}
        checks:
          - monotonic: accuracy
      hour-package:
        name: {zh-CN: 时长套餐包, en-US: Hour package}
        billing: on-demand-package  # 按需套餐包: a package of usage bought per period
        periods: [month, year]
        attributes: [accuracy, package]
        pricing:
          - add:
              by: [package, period]
              table:
                hours_100:  {month: 99, year: 999}
                hours_1000: {month: 799, year: 7999}
          - when: {accuracy: enhanced}
            multiply: "1.5"
        checks:
          - monotonic: package
          - monotonic: accuracy

    """

  static let aiAsset = """
    skuc: 1
    product:
      id: ai-asset-example
      type: ai-asset
      name: {zh-CN: 工业缺陷检测模型, en-US: Industrial Defect Detection Model}
      currency: CNY
      locales: [zh-CN, en-US]
    attributes:
      license_scope:
        type: enum
        name: {zh-CN: 授权范围, en-US: License scope}
        values:
          line:  {zh-CN: 单条产线, en-US: One production line}
          plant: {zh-CN: 整个工厂, en-US: Whole plant}
      delivery:
        type: enum
        name: {zh-CN: 交付形式, en-US: Delivery}
        values:
          weights:   {zh-CN: 模型文件, en-US: Model weights}
          container: {zh-CN: 推理容器, en-US: Inference container}
      devices:
        type: quantity
        name: {zh-CN: 部署设备数, en-US: Devices}
        unit: {zh-CN: 台, en-US: device}
        min: 1
        max: 100
    specs:
      license:
        name: {zh-CN: 模型授权, en-US: Model license}
        billing: one-time           # AI assets are sold once
        attributes: [license_scope, delivery, devices]
        pricing:
          # "*" matches any value not listed at its level: a plant license costs the same
          # whatever the delivery.
          - add:
              by: [license_scope, delivery]
              table:
                line:  {weights: 20000, container: 26000}
                plant: {"*": 60000}
          # Volume: from the 11th device on, every device costs 500.
          - per: devices
            model: volume
            tiers:
              - {upto: 10, unit: 800}
              - {unit: 500}
        checks:
          - monotonic: license_scope

    """

  static let dataAsset = """
    skuc: 1
    product:
      id: data-asset-example
      type: data-asset
      name: {zh-CN: 全国商户POI数据集, en-US: Nationwide Merchant POI Dataset}
      currency: CNY
      locales: [zh-CN, en-US]
    attributes:
      coverage:
        type: enum
        name: {zh-CN: 覆盖范围, en-US: Coverage}
        values:
          city:     {zh-CN: 单个城市, en-US: One city}
          province: {zh-CN: 单个省份, en-US: One province}
          national: {zh-CN: 全国, en-US: Nationwide}
      refresh:
        type: enum
        name: {zh-CN: 更新频率, en-US: Refresh}
        values:
          monthly: {zh-CN: 月度更新, en-US: Monthly}
          weekly:  {zh-CN: 周度更新, en-US: Weekly}
    specs:
      subscription:
        name: {zh-CN: 数据订阅, en-US: Data subscription}
        billing: period
        periods: [month, year]
        attributes: [coverage, refresh]
        pricing:
          - add:
              by: coverage
              table: {city: 800, province: 3000, national: 20000}
          - when: {refresh: weekly}
            multiply: "1.25"
          - when: {period: year}
            multiply: 10
        checks:
          - monotonic: coverage
          - monotonic: refresh
          - ratio: {attribute: period, numerator: year, denominator: month, min: 10, max: 12}
      snapshot:
        name: {zh-CN: 一次性数据快照, en-US: One-time snapshot}
        billing: one-time
        attributes: [coverage]
        pricing:
          - add:
              by: coverage
              table: {city: 1500, province: 6000, national: 40000}
        checks:
          - monotonic: coverage

    """
}
