use super::{Status, error};

/// `zhclean rules`: code, default severity, name and summary of every lint rule.
pub fn list() -> Status {
    for rule in zhclean::RULES.iter().map(|rule| rule.meta) {
        println!("{:<6} {:<8} {:<26} {}", rule.code, rule.severity, rule.name, rule.summary);
    }
    Status::Ok
}

/// `zhclean explain RULE`: the rule's documentation.
pub fn explain(name: &str) -> Status {
    match zhclean::find_rule(name) {
        Some(rule) => {
            let rule = rule.meta;
            println!("# {} ({}, default severity: {})\n", rule.name, rule.code, rule.severity);
            print!("{}", rule.documentation());
            Status::Ok
        }
        None => {
            error(format!("unknown rule `{name}`; `zhclean rules` lists them"));
            Status::Error
        }
    }
}
