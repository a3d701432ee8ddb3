#pragma once
// A word diff as `accord diff --redline` text shows it ([-deleted-] {+inserted+}), for the
// redline tests' expectations.
#include <string>

#include "accord/engines/redline.hpp"

namespace accord::redline::testing {

inline std::string render(const WordDiff& d) {
  std::string out;
  for (const Piece& p : d.pieces) {
    if (!out.empty()) out += ' ';
    out += p.op == Op::remove ? "[-" + p.text + "-]" : p.op == Op::insert ? "{+" + p.text + "+}" : p.text;
  }
  return out;
}

}  // namespace accord::redline::testing
