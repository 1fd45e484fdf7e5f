//! Server-side rendering of one mount with the browser's own root component, [`MountView`].

use std::rc::Rc;

use handbook_widgets::runtime::{DataSource, MountView, MountViewProps};
use handbook_widgets::widgets::MountOptions;

/// The HTML a mount's shadow root holds once `widget` has rendered `json` with `options`: the
/// same markup the browser builds (the data is known to parse), with Yew's hydration markers.
pub fn render_mount(widget: &str, json: &str, options: &MountOptions) -> std::io::Result<String> {
    let props = MountViewProps {
        widget: widget.to_owned().into(),
        source: DataSource::Inline(json.to_owned().into()),
        options: Rc::new(options.clone()),
        host: None,
    };
    let renderer = yew::LocalServerRenderer::<MountView>::with_props(props).hydratable(true);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    Ok(runtime.block_on(tokio::task::LocalSet::new().run_until(renderer.render())))
}
