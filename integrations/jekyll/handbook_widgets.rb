# handbook-widgets for Jekyll: copy this file into the site's _plugins/ folder.
#
# Every HTML page gets the bundle's entry script in its <head> (the bundle copied to
# widgets/v1/, or the folder URL `handbook_widgets: { bundle: … }` in _config.yml names), and
# after every build `handbook-widgets prerender <destination> --strict` runs (the program on PATH,
# or the one the HANDBOOK_WIDGETS variable names), so each page has its widgets in it before any
# script runs; a widget whose data is wrong fails the build. The runtime finds the widgets'
# fences as Rouge wrote them.
require "open3"

module HandbookWidgets
  def self.entry(site)
    bundle = site.config.dig("handbook_widgets", "bundle") || "#{site.baseurl}/widgets/v1/"
    "#{bundle.chomp('/')}/handbook-widgets.js"
  end

  Jekyll::Hooks.register [:pages, :documents], :post_render do |doc|
    next unless doc.output_ext == ".html" && doc.output.include?("</head>")
    entry = HandbookWidgets.entry(doc.site)
    next if doc.output.include?(entry)
    doc.output = doc.output.sub("</head>", %(<script type="module" src="#{entry}"></script>\n</head>))
  end

  Jekyll::Hooks.register :site, :post_write do |site|
    program = ENV.fetch("HANDBOOK_WIDGETS", "handbook-widgets")
    begin
      out, status = Open3.capture2e(program, "prerender", site.dest, "--strict", stdin_data: "")
    rescue SystemCallError => e
      raise Jekyll::Errors::FatalException,
            "handbook-widgets: could not run `#{program}` (#{e.message}): install it, or set HANDBOOK_WIDGETS to the program"
    end
    $stderr.print out
    raise Jekyll::Errors::FatalException, "handbook-widgets prerender failed: see the messages above" unless status.success?
  end
end
