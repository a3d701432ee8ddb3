#pragma once
// Private to the HTML report: escaping, number formatting, a tiny SVG writer, scales, colours.
#include <string>
#include <string_view>
#include <vector>

namespace accord::report::html {

// Text for HTML element content and attribute values (& < > " ' escaped).
[[nodiscard]] std::string esc(std::string_view text);
// A compact number for coordinates and labels: at most `digits` decimals, no trailing zeros.
[[nodiscard]] std::string num(double x, int digits = 1);

// Linear map from a data interval to a pixel interval.
struct Scale {
  double d0 = 0.0, d1 = 1.0, r0 = 0.0, r1 = 1.0;
  [[nodiscard]] double operator()(double x) const {
    return d1 == d0 ? r0 : r0 + (x - d0) * (r1 - r0) / (d1 - d0);
  }
};

// Colour of the k-th series (parties, actors): a fixed palette that cycles.
[[nodiscard]] std::string_view series_colour(std::size_t k);

// An <svg> with a viewBox (scales with the page) and an accessible label.
class Svg {
 public:
  Svg(double width, double height, std::string_view label);
  Svg& line(double x1, double y1, double x2, double y2, std::string_view cls);
  Svg& rect(double x, double y, double w, double h, std::string_view cls, std::string_view fill = {});
  Svg& circle(double cx, double cy, double r, std::string_view cls, std::string_view fill = {});
  // `anchor`: start | middle | end.
  Svg& text(double x, double y, std::string_view content, std::string_view cls = {},
            std::string_view anchor = "start");
  // A polyline through the points (x, y pairs).
  Svg& polyline(const std::vector<std::pair<double, double>>& pts, std::string_view cls,
                std::string_view stroke = {});
  Svg& raw(std::string_view markup);
  // Axis with ticks at `ticks` (data values) along the bottom (y = pixel row) or left side.
  Svg& x_axis(const Scale& sx, double y, const std::vector<double>& ticks, std::string_view label);
  Svg& y_axis(const Scale& sy, double x, const std::vector<double>& ticks, std::string_view label);
  [[nodiscard]] std::string str() const;
  [[nodiscard]] double width() const { return width_; }
  [[nodiscard]] double height() const { return height_; }

 private:
  double width_, height_;
  std::string out_;
};

// `count`+1 evenly spaced tick values from lo to hi.
[[nodiscard]] std::vector<double> ticks(double lo, double hi, int count);

}  // namespace accord::report::html
