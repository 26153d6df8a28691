//! `rust-version` in Cargo.toml is the oldest toolchain the dependency tree
//! accepts: the highest `rust-version` among the packages the binary is
//! built from (dependencies and build dependencies, not dev ones).

use std::collections::{HashMap, HashSet};
use std::process::Command;

fn version(v: &str) -> Vec<u32> {
    v.split('.').map(|p| p.parse().unwrap_or(0)).collect()
}

#[test]
fn rust_version_is_the_dependency_trees_floor() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let packages: HashMap<&str, &serde_json::Value> = (meta["packages"].as_array().unwrap())
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p))
        .collect();
    let nodes: HashMap<&str, &serde_json::Value> = (meta["resolve"]["nodes"].as_array().unwrap())
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n))
        .collect();
    let root = meta["resolve"]["root"].as_str().unwrap();
    let mut seen = HashSet::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        for dep in nodes[id]["deps"].as_array().unwrap() {
            let built = (dep["dep_kinds"].as_array().unwrap())
                .iter()
                .any(|k| k["kind"].is_null() || k["kind"] == "build");
            if built {
                stack.push(dep["pkg"].as_str().unwrap());
            }
        }
    }
    seen.remove(root);
    let (floor, by) = seen
        .iter()
        .filter_map(|id| {
            let p = packages[id];
            Some((version(p["rust_version"].as_str()?), p["name"].as_str()?))
        })
        .max()
        .expect("some dependency declares a rust-version");
    let ours = packages[root]["rust_version"]
        .as_str()
        .expect("Cargo.toml declares rust-version");
    assert_eq!(
        version(ours),
        floor,
        "rust-version in Cargo.toml is {ours}; the dependency tree asks for {floor:?} ({by})"
    );
}
