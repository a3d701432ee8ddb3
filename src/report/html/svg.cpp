// Escaping, numbers and the SVG writer of the HTML report.
#include "svg.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace accord::report::html {

std::string esc(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string num(double x, int digits) {
  if (!std::isfinite(x)) return "0";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string_view series_colour(std::size_t k) {
  // Okabe–Ito (colour-blind safe), then a few more.
  static constexpr std::array<std::string_view, 10> kPalette = {
      "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00",
      "#56b4e9", "#7a5c00", "#444444", "#8c564b", "#17becf"};
  return kPalette[k % kPalette.size()];
}

Svg::Svg(double width, double height, std::string_view label) : width_(width), height_(height) {
  out_ = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(width) + " " + num(height) +
         "\" role=\"img\" aria-label=\"" + esc(label) + "\"><title>" + esc(label) + "</title>";
}

Svg& Svg::line(double x1, double y1, double x2, double y2, std::string_view cls) {
  out_ += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) +
          "\" class=\"" + esc(cls) + "\"/>";
  return *this;
}

Svg& Svg::rect(double x, double y, double w, double h, std::string_view cls, std::string_view fill) {
  out_ += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(0.0, w)) + "\" height=\"" +
          num(std::max(0.0, h)) + "\" class=\"" + esc(cls) + "\"";
  if (!fill.empty()) out_ += " fill=\"" + esc(fill) + "\"";
  out_ += "/>";
  return *this;
}

Svg& Svg::circle(double cx, double cy, double r, std::string_view cls, std::string_view fill) {
  out_ += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\" class=\"" + esc(cls) + "\"";
  if (!fill.empty()) out_ += " fill=\"" + esc(fill) + "\"";
  out_ += "/>";
  return *this;
}

Svg& Svg::text(double x, double y, std::string_view content, std::string_view cls, std::string_view anchor) {
  out_ += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"";
  if (!cls.empty()) out_ += " class=\"" + esc(cls) + "\"";
  if (anchor != "start") out_ += " text-anchor=\"" + esc(anchor) + "\"";
  out_ += ">" + esc(content) + "</text>";
  return *this;
}

Svg& Svg::polyline(const std::vector<std::pair<double, double>>& pts, std::string_view cls,
                   std::string_view stroke) {
  if (pts.empty()) return *this;
  out_ += "<polyline class=\"" + esc(cls) + "\" points=\"";
  for (std::size_t k = 0; k < pts.size(); ++k)
    out_ += (k ? " " : "") + num(pts[k].first) + "," + num(pts[k].second);
  out_ += "\"";
  if (!stroke.empty()) out_ += " stroke=\"" + esc(stroke) + "\"";
  out_ += "/>";
  return *this;
}

Svg& Svg::raw(std::string_view markup) {
  out_ += markup;
  return *this;
}

Svg& Svg::x_axis(const Scale& sx, double y, const std::vector<double>& tick_values, std::string_view label) {
  line(sx.r0, y, sx.r1, y, "axis");
  for (const double t : tick_values) {
    line(sx(t), y, sx(t), y + 4, "axis");
    text(sx(t), y + 15, num(t, 2), "tick", "middle");
  }
  if (!label.empty()) text((sx.r0 + sx.r1) / 2, y + 30, label, "axis-label", "middle");
  return *this;
}

Svg& Svg::y_axis(const Scale& sy, double x, const std::vector<double>& tick_values, std::string_view label) {
  line(x, sy.r0, x, sy.r1, "axis");
  for (const double t : tick_values) {
    line(x - 4, sy(t), x, sy(t), "axis");
    text(x - 6, sy(t) + 4, num(t, 2), "tick", "end");
  }
  if (!label.empty()) {
    const double cy = (sy.r0 + sy.r1) / 2;
    out_ += "<text class=\"axis-label\" text-anchor=\"middle\" transform=\"translate(" + num(x - 38) + "," +
            num(cy) + ") rotate(-90)\">" + esc(label) + "</text>";
  }
  return *this;
}

std::string Svg::str() const { return out_ + "</svg>"; }

std::vector<double> ticks(double lo, double hi, int count) {
  std::vector<double> out;
  for (int k = 0; k <= count; ++k) out.push_back(lo + (hi - lo) * k / count);
  return out;
}

}  // namespace accord::report::html
