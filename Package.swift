// swift-tools-version:6.0
import PackageDescription

// Dossier: one library with the pipeline (DossierKit), the local preview server (DossierServe),
// a thin CLI (dossier), and a system-library target that alone exposes libcmark's C API.
let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierKit", targets: ["DossierKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "DossierKit",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
            ],
            // The YAML data (types, checklists) is compiled in through the generated
            // EmbeddedResources.swift, so the binary works from any folder.
            exclude: ["Resources", "Embedded/generate.py"],
            // Release builds leave out the run-time exclusivity checks: they were a fifth of
            // `dossier check` (swift_beginAccess on every class-property access in the parser). Debug
            // builds, which the test suite and the sanitizer runs use, keep them, so a violation is
            // still caught there.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // `dossier serve`: the HTTP server, file watcher and live reload. A target of its own so the
        // network dependency stays out of DossierKit (and the fuzz build that links only DossierKit).
        .target(
            name: "DossierServe",
            dependencies: [
                "DossierKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierKit",
                "DossierServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (Debian's libjemalloc-dev) replaces glibc's malloc in the binary: Swift makes and
            // frees many small objects on both cores (view models, strings, parse results), and with
            // jemalloc a 10k build took about 10 % less wall and CPU time in alternating runs, at the same
            // peak memory (docs/performance.md, session 9). Only the executable links it: the library
            // and the fuzz target keep the system allocator.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "DossierKitTests",
            dependencies: ["DossierKit", "DossierServe"]
        ),
    ]
)
