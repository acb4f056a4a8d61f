/// Starter catalogs for services sold to teams: SaaS, licenses, machine images and manual
/// services.
enum StarterTemplates {
  static let saas = """
    skuc: 1
    product:
      id: saas-example              # unique in the catalog tree: a-z, 0-9, - and _
      type: saas
      name: {zh-CN: 团队协作空间, en-US: Team Workspace}
      currency: CNY                 # amounts have the currency's 2 decimals unless precision says otherwise
      locales: [zh-CN, en-US]       # every name needs each locale; the first is the default
    attributes:
      # An enum attribute multiplies SKUs: one SKU per combination of values.
      edition:
        type: enum
        name: {zh-CN: 版本类型, en-US: Edition}
        values:                     # in the order buyers see them
          standard:     {zh-CN: 标准版, en-US: Standard}
          professional: {zh-CN: 专业版, en-US: Professional}
          enterprise:   {zh-CN: 企业版, en-US: Enterprise}
      storage:
        type: enum
        name: {zh-CN: 存储空间, en-US: Storage}
        values:
          gb_100: {zh-CN: 100GB, en-US: 100 GB}
          tb_1:   {zh-CN: 1TB, en-US: 1 TB}
      # A quantity attribute never multiplies SKUs: each SKU carries its range and unit prices.
      users:
        type: quantity
        name: {zh-CN: 用户数, en-US: Users}
        unit: {zh-CN: 用户, en-US: user}
        min: 5
        max: 1000
        step: 5                     # buyers choose 5, 10, 15, ... users
    specs:
      subscription:
        name: {zh-CN: 包年包月, en-US: Subscription}
        billing: period             # 包周期: one price per listed period
        periods: [month, year]
        trial_days: 14
        attributes: [edition, storage, users]
        rules:
          - forbid: {edition: standard, storage: tb_1}
            because: 1 TB of storage starts with the Professional edition
          - when: {edition: standard}
            limit: {users: {max: 50}}
        pricing:
          # A platform fee per edition and month ...
          - add:
              by: edition
              table: {standard: 199, professional: 499, enterprise: 1299}
          - when: {storage: tb_1}
            add: 300
          # ... plus each user; users beyond the first 20 cost less (阶梯定价, graduated).
          - per: users
            model: graduated
            tiers:
              - {upto: 20, unit: 20}
              - {unit: 15}
          # A year costs ten months.
          - when: {period: year}
            multiply: 10
        checks:
          - monotonic: edition      # a higher edition never costs less
          - ratio: {attribute: period, numerator: year, denominator: month, min: 10, max: 12}
      onboarding:
        name: {zh-CN: 上线实施服务, en-US: Onboarding}
        billing: one-time           # no enum attribute: the spec has a single SKU
        pricing:
          - add: 2000

    """

  static let license = """
    skuc: 1
    product:
      id: license-example
      type: license
      name: {zh-CN: 工程图纸查看器, en-US: Drawing Viewer}
      currency: CNY
      locales: [zh-CN, en-US]
    attributes:
      edition:
        type: enum
        name: {zh-CN: 版本类型, en-US: Edition}
        values:
          standard:     {zh-CN: 标准版, en-US: Standard}
          professional: {zh-CN: 专业版, en-US: Professional}
      seats:
        type: quantity
        name: {zh-CN: 席位数, en-US: Seats}
        unit: {zh-CN: 席位, en-US: seat}
        min: 1
        max: 500
    specs:
      perpetual:
        name: {zh-CN: 永久授权, en-US: Perpetual license}
        billing: one-time           # 按次 / 一次性: one price per purchase
        attributes: [edition, seats]
        pricing:
          # Volume pricing (KooGallery "Tier"): every seat costs the rate of the tier the whole
          # order falls in, so 10 seats cost 10 × 1080.
          - per: seats
            model: volume
            tiers:
              - {upto: 9, unit: 1200}
              - {upto: 49, unit: 1080}
              - {unit: 960}
          - when: {edition: professional}
            per: seats
            multiply: "1.5"
        checks:
          - monotonic: edition
      annual:
        name: {zh-CN: 年度订阅, en-US: Annual subscription}
        billing: period
        periods: [year]             # sold by the year only
        trial_days: 30
        attributes: [edition, seats]
        pricing:
          - per: seats
            add:
              by: edition
              table: {standard: 400, professional: 600}
        checks:
          - monotonic: edition

    """

  static let image = """
    skuc: 1
    product:
      id: image-example
      type: image
      name: {zh-CN: Web应用防火墙镜像, en-US: Web Application Firewall Image}
      currency: CNY
      locales: [zh-CN, en-US]
    attributes:
      flavor:
        type: enum
        name: {zh-CN: 规格档位, en-US: Flavor}
        values:
          small:  {zh-CN: 2核4G, en-US: 2 vCPU / 4 GiB}
          medium: {zh-CN: 4核8G, en-US: 4 vCPU / 8 GiB}
          large:  {zh-CN: 8核16G, en-US: 8 vCPU / 16 GiB}
    specs:
      hourly:
        name: {zh-CN: 按需计费, en-US: Pay per hour}
        billing: on-demand          # 按需: a price per usage unit, no periods
        usage_unit: {zh-CN: 小时, en-US: hour}
        attributes: [flavor]
        pricing:
          - add:
              by: flavor
              table: {small: "0.45", medium: "0.90", large: "1.80"}
        checks:
          - monotonic: flavor
      subscription:
        name: {zh-CN: 包年包月, en-US: Subscription}
        billing: period
        periods: [month, year]
        trial_days: 7
        attributes: [flavor]
        pricing:
          # A table can be keyed by the pseudo-attribute period as well.
          - add:
              by: [flavor, period]
              table:
                small:  {month: 268, year: 2680}
                medium: {month: 528, year: 5280}
                large:  {month: 998, year: 9980}
        checks:
          - monotonic: flavor
          - ratio: {attribute: period, numerator: year, denominator: month, min: 10, max: 12}
          - bounds: {min: "1.00", max: "99999.00"}

    """

  static let manualService = """
    skuc: 1
    product:
      id: manual-service-example
      type: manual-service
      name: {zh-CN: 云迁移实施服务, en-US: Cloud Migration Service}
      currency: CNY
      locales: [zh-CN, en-US]
    attributes:
      service_item:
        type: enum
        name: {zh-CN: 服务项目, en-US: Service item}
        values:
          assessment: {zh-CN: 迁移评估, en-US: Migration assessment}
          migration:  {zh-CN: 迁移实施, en-US: Migration}
          training:   {zh-CN: 运维培训, en-US: Operations training}
      delivery:
        type: enum
        name: {zh-CN: 交付方式, en-US: Delivery}
        values:
          remote: {zh-CN: 远程交付, en-US: Remote}
          onsite: {zh-CN: 现场交付, en-US: On site}
      person_days:
        type: quantity
        name: {zh-CN: 人天数, en-US: Person-days}
        unit: {zh-CN: 人天, en-US: person-day}
        min: 1
        max: 100
    specs:
      project:
        name: {zh-CN: 项目实施, en-US: Project delivery}
        billing: one-time
        attributes: [service_item, delivery, person_days]
        rules:
          - when: {service_item: training}
            require: {delivery: onsite}
            because: Training is given on site
          - when: {service_item: training}
            limit: {person_days: {max: 10}}
        pricing:
          # A fixed kick-off fee per service item, then a day rate by delivery.
          - add:
              by: service_item
              table: {assessment: 3000, migration: 8000, training: 1500}
          - per: person_days
            add:
              by: delivery
              table: {remote: 1600, onsite: 2200}
        checks:
          - bounds: {min: "100.00", max: "500000.00"}
      operations:
        name: {zh-CN: 运维托管, en-US: Managed operations}
        billing: period
        periods: [month]
        pricing:
          - add: 6800

    """
}
