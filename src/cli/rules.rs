use super::{Status, error};
use zhclean::registry::{self, RULES};
use zhclean::{Applicability, RuleMeta};

/// `zhclean rules`: every rule, with its code, name, stage, kind, default, fix and summary.
pub fn list(json: bool) -> Status {
    if json {
        let rules: Vec<serde_json::Value> = RULES.iter().map(|rule| describe(rule)).collect();
        println!("{}", serde_json::to_string_pretty(&rules).expect("rules serialize"));
        return Status::Ok;
    }
    println!(
        "{:<6} {:<26} {:<8} {:<6} {:<7} {:<6} {:<8} summary",
        "code", "name", "stage", "kind", "default", "fix", "severity"
    );
    for rule in RULES {
        println!(
            "{:<6} {:<26} {:<8} {:<6} {:<7} {:<6} {:<8} {}",
            rule.code,
            rule.name,
            json_name(rule.stage),
            json_name(rule.kind),
            if rule.enabled_by_default { "on" } else { "off" },
            fix_name(rule.fix),
            rule.severity,
            rule.summary
        );
    }
    Status::Ok
}

fn describe(rule: &RuleMeta) -> serde_json::Value {
    serde_json::json!({
        "code": rule.code,
        "name": rule.name,
        "stage": rule.stage,
        "kind": rule.kind,
        "default": if rule.enabled_by_default { "on" } else { "off" },
        "fix": rule.fix,
        "severity": rule.severity,
        "summary": rule.summary,
    })
}

fn json_name(value: impl serde::Serialize) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

fn fix_name(fix: Option<Applicability>) -> &'static str {
    match fix {
        Some(Applicability::Safe) => "safe",
        Some(Applicability::Unsafe) => "unsafe",
        None => "none",
    }
}

/// `zhclean explain RULE`: the rule's documentation, by name or code (any case).
pub fn explain(name: &str) -> Status {
    match registry::find(name) {
        Some(rule) => {
            println!(
                "# {} ({}, {} stage, {}, default severity: {}, fix: {})\n",
                rule.name,
                rule.code,
                json_name(rule.stage),
                json_name(rule.kind),
                rule.severity,
                fix_name(rule.fix)
            );
            print!("{}", rule.documentation());
            Status::Ok
        }
        None => {
            error(format!("unknown rule `{name}`; `zhclean rules` lists every rule with its code"));
            Status::Error
        }
    }
}
