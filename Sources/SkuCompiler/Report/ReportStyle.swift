/// The page's CSS: system fonts only (with CJK fallbacks, so Chinese names render on every
/// desktop and phone without a download), a sequential colour scale for prices, responsive
/// tables that scroll sideways on phones, and a print layout.
enum ReportStyle {
  /// YlGnBu, a sequential scale that stays readable for colour-blind readers and in grey print.
  static let scale = ["#ffffd9", "#e3f4c4", "#b7e3bb", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8"]

  /// Steps from which text on the scale turns white.
  static let darkFrom = 5

  static func css(localeCount: Int) -> String {
    base + levelRules + localeRules(localeCount)
  }

  /// `html[data-show=price] td.p3 { background: … }`: a cell takes the colour of the amount
  /// that is shown.
  private static var levelRules: String {
    var rules = ""
    for (level, colour) in scale.enumerated() {
      rules += ".legend .s\(level){background:\(colour)}\n"
      for (mode, prefix) in [("price", "p"), ("from", "f")] {
        let text = level >= darkFrom ? ";color:#fff" : ""
        rules += "html[data-show=\(mode)] td.\(prefix)\(level){background:\(colour)\(text)}\n"
      }
    }
    return rules
  }

  /// Only the chosen locale's spans show (`.l0`, `.l1`, … against `html[data-lang]`).
  private static func localeRules(_ count: Int) -> String {
    var rules = ""
    for chosen in 0..<count {
      for other in 0..<count where other != chosen {
        rules += "html[data-lang=\"\(chosen)\"] .l\(other){display:none}\n"
      }
    }
    return rules
  }

  private static let base = """
    :root{--fg:#1f2328;--muted:#5d6772;--line:#d5dbe1;--panel:#f5f7f9;--accent:#0b57a4;\
    --up:#b42318;--down:#067647;--new:#6d3fc0;color-scheme:light}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;color:var(--fg);background:#fff;font:14px/1.5 system-ui,-apple-system,\
    "Segoe UI",Roboto,"Helvetica Neue",Arial,"PingFang SC","Hiragino Sans GB","Microsoft YaHei",\
    "Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
    code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;\
    color:var(--muted);background:var(--panel);padding:1px 5px;border-radius:4px;\
    overflow-wrap:anywhere}
    h1,h2,h3,h4{line-height:1.25;margin:0}
    header.top{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line);\
    padding:12px 24px 10px;display:flex;flex-wrap:wrap;gap:8px 24px;align-items:flex-end}
    .title{flex:1 1 420px}
    h1{font-size:20px}
    h1 .catalog{color:var(--muted);font-weight:400}
    .stats{display:flex;flex-wrap:wrap;gap:4px 18px;margin:6px 0 0}
    .stats div{display:flex;flex-direction:column}
    .stats dt{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
    .stats dd{margin:0;font-weight:600;font-size:15px;font-variant-numeric:tabular-nums}
    .controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
    .nojs .controls{display:none}
    .filter{display:flex;align-items:center;gap:6px;font-size:12px;color:var(--muted)}
    .filter input{font:inherit;font-size:14px;color:var(--fg);width:16em;max-width:60vw;\
    padding:5px 9px;border:1px solid var(--line);border-radius:6px}
    .switch{display:inline-flex;border:1px solid var(--line);border-radius:6px;overflow:hidden}
    .switch button{font:inherit;font-size:13px;border:0;background:#fff;color:var(--fg);\
    padding:5px 10px;cursor:pointer}
    .switch button+button{border-left:1px solid var(--line)}
    .switch button[aria-pressed=true]{background:var(--accent);color:#fff}
    #count{font-size:12px;color:var(--muted);min-width:7em}
    .legend{flex-basis:100%;display:flex;align-items:center;gap:8px;font-size:12px;color:var(--muted)}
    .scale{display:inline-flex;border:1px solid var(--line);border-radius:3px;overflow:hidden}
    .scale span{display:block;width:22px;height:12px}
    .diff{margin:16px 24px 0;padding:12px 16px;border:1px solid #e7d8a8;background:#fffbeb;\
    border-radius:8px}
    .diff h2{font-size:16px}
    .summary-line{font-weight:600;margin:6px 0}
    .diff ul{margin:6px 0;padding-left:20px}
    .legend-diff{display:flex;flex-wrap:wrap;gap:6px 10px;align-items:center;margin:6px 0 0;\
    font-size:12px;color:var(--muted)}
    .toc{margin:12px 24px 0}
    .toc ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px}
    .toc li{border:1px solid var(--line);border-radius:16px;padding:2px 10px;background:var(--panel)}
    .toc a{color:var(--accent);text-decoration:none;font-weight:600}
    .toc small{color:var(--muted);margin-left:6px}
    main{padding:0 24px 24px}
    .product{margin-top:22px;scroll-margin-top:120px}
    .product>h2{font-size:19px;padding-bottom:4px;border-bottom:2px solid var(--fg)}
    .meta{margin:4px 0 0;color:var(--muted);font-size:12px}
    .spec{margin-top:18px;padding:14px 16px;border:1px solid var(--line);border-radius:8px;\
    scroll-margin-top:120px}
    .spec h3{font-size:16px}
    .facts{list-style:none;margin:6px 0 10px;padding:0;display:flex;flex-wrap:wrap;gap:2px 16px;\
    font-size:13px}
    .facts b{font-weight:600;color:var(--muted);font-size:11px;text-transform:uppercase;\
    letter-spacing:.04em}
    .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
    table{border-collapse:separate;border-spacing:0;font-variant-numeric:tabular-nums}
    .grid th,.grid td{border-bottom:1px solid var(--line);border-right:1px solid #fff;\
    padding:7px 12px;vertical-align:middle}
    .grid thead th{background:var(--panel);font-size:12px;font-weight:600;text-align:center;\
    white-space:nowrap;border-bottom:1px solid var(--line)}
    .grid thead th.corner{text-align:left;color:var(--muted)}
    .grid th.row{text-align:left;font-weight:600;white-space:nowrap;position:sticky;left:0;\
    background:#fff;z-index:1;border-right:1px solid var(--line)}
    .grid thead th.corner{position:sticky;left:0;z-index:2}
    .grid td.attr{white-space:nowrap}
    td.c{text-align:right;white-space:nowrap;min-width:7.5em}
    td.c .amt{font-size:15px;font-weight:600}
    td.added{box-shadow:inset 0 0 0 2px var(--new)}
    td.x{text-align:center;color:var(--muted);font-size:12px;font-style:italic;\
    background:repeating-linear-gradient(135deg,#f3f4f6 0 6px,#fff 6px 12px)}
    td.x del{display:block;font-style:normal;font-size:14px;color:var(--up)}
    .dim{opacity:.25}
    html[data-show=price] .fv,html[data-show=from] .pv{display:none}
    .chg{display:inline-block;margin-left:6px;padding:0 6px;border-radius:9px;font-size:11px;\
    font-weight:600;background:#fff;border:1px solid currentColor;white-space:nowrap}
    .chg.up{color:var(--up)}
    .chg.down{color:var(--down)}
    .delta{display:block;font-size:11px;margin-top:1px}
    .delta .chg{margin-left:0}
    .was{opacity:.85}
    .alt{display:block;font-size:11px;opacity:.8}
    .badge{display:inline-block;margin-left:6px;padding:0 6px;border-radius:9px;font-size:10px;\
    font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:#fff;\
    background:var(--new);vertical-align:middle;font-style:normal}
    .badge.gone{background:var(--up)}
    td .badge{display:block;width:max-content;margin:3px 0 0 auto}
    .note{margin:6px 0 0;font-size:12px;color:var(--muted);max-width:36em}
    .spec .body{display:flex;flex-wrap:wrap;gap:0 40px;align-items:flex-start}
    .matrix{flex:0 1 auto;min-width:0;max-width:100%}
    .details{flex:1 1 400px;min-width:0}
    .details h4{font-size:13px;margin-top:14px}
    .details>h4:first-child{margin-top:2px}
    .muted{color:var(--muted);font-size:12px;margin:4px 0}
    table.tiers{margin:4px 0;font-size:13px}
    .tiers th,.tiers td{border-bottom:1px solid var(--line);padding:4px 10px}
    .tiers thead th{background:var(--panel);font-size:12px;white-space:nowrap}
    .tiers tbody th{text-align:left;font-weight:400;max-width:32em}
    .tiers td.num{text-align:right;white-space:nowrap}
    .who{display:block}
    .who b{font-weight:600}
    ul.checks,ul.removed,ul.limits,ul.changes,ul.delisted-list{margin:4px 0;padding-left:18px;\
    font-size:13px}
    ul.checks{list-style:none;padding-left:0}
    ul.checks li{margin:3px 0}
    .pass{color:var(--down);font-weight:600;margin-right:2px}
    .observed{color:var(--fg);background:var(--panel);border-radius:4px;padding:0 4px}
    .loc{color:var(--muted);font-size:12px;font-family:ui-monospace,Menlo,Consolas,monospace}
    q{color:var(--fg);font-style:italic}
    .delisted del,del{color:var(--up)}
    footer{margin:8px 24px 32px;color:var(--muted);font-size:12px;max-width:60em}
    [hidden]{display:none!important}
    @media (max-width:640px){
    body{font-size:13px}
    header.top{position:static;padding:10px 12px}
    .title{flex-basis:100%}
    h1{font-size:18px}
    .stats{gap:2px 14px}
    .stats dd{font-size:14px}
    .controls{width:100%}
    .filter{flex:1 1 100%}
    .filter input{flex:1;width:auto;max-width:none}
    main{padding:0 12px 16px}
    .diff,.toc{margin-left:12px;margin-right:12px}
    footer{margin:8px 12px 24px}
    .spec{padding:10px;margin-top:12px}
    .grid th,.grid td{padding:6px 8px}
    td.c{min-width:6.5em}
    td.c .amt{font-size:14px}
    .details h4:first-child{margin-top:14px}
    }
    @media print{
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    body{font-size:10pt}
    header.top{position:static;border:0;padding:0 0 6px}
    .controls,.toc{display:none}
    main,.diff{padding:0;margin:8px 0 0}
    .scroll{overflow:visible}
    .grid th.row,.grid thead th.corner{position:static}
    .spec{break-inside:avoid-page;border-color:#bbb}
    .product>h2{break-after:avoid}
    a{color:inherit;text-decoration:none}
    footer{margin:8px 0}
    }

    """
}
