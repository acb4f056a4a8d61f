// swift-tools-version: 6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .treatAllWarnings(as: .error),
]

let package = Package(
  name: "skuc",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "skuc", targets: ["skuc"]),
    .library(name: "SkuCompiler", targets: ["SkuCompiler"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),
    .target(
      name: "SkuCompiler",
      dependencies: [
        "CYAML",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "BigInt", package: "BigInt"),
      ],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "skuc",
      dependencies: [
        "SkuCompiler",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "skuc-bench",
      dependencies: ["SkuCompiler"],
      swiftSettings: strictSettings
    ),
    // Helpers both test targets share; no test runs here.
    .target(
      name: "TestSupport",
      path: "Tests/TestSupport",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "SkuCompilerTests",
      dependencies: ["SkuCompiler", "TestSupport"],
      resources: [.copy("Fixtures")],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["SkuCompiler", "TestSupport"],
      exclude: ["Goldens"],
      swiftSettings: strictSettings
    ),
  ]
)
