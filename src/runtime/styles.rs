//! The widgets' stylesheet, compiled into the bundle and placed in each mount's shadow root.

/// Every widget's CSS, base first.
pub const CSS: &str = concat!(
    include_str!("../../assets/styles/base.css"),
    include_str!("../../assets/styles/hiring-timeline.css"),
    include_str!("../../assets/styles/level-comparison.css"),
    include_str!("../../assets/styles/owner-directory.css"),
    include_str!("../../assets/styles/onboarding-checklist.css"),
);
