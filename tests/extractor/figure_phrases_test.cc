// The figure phrase table (tests/data/figure_phrases.tsv): every phrase with
// its expected value, unit and qualifier, or '-' for no figure at all.
// Prints accuracy per category; fails below the floors set here.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "bilik/extraction.h"
#include "test_pack.h"

namespace bilik {
namespace {

struct Row {
  std::string category, phrase, value, unit, qualifier;
};

std::vector<Row> rows() {
  std::ifstream in(BILIK_TEST_DATA "/figure_phrases.tsv");
  std::vector<Row> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream cols(line);
    Row r;
    std::getline(cols, r.category, '\t');
    std::getline(cols, r.phrase, '\t');
    std::getline(cols, r.value, '\t');
    std::getline(cols, r.unit, '\t');
    std::getline(cols, r.qualifier, '\t');
    out.push_back(r);
  }
  return out;
}

std::string describe(const std::vector<Figure>& figures) {
  std::string s;
  for (const Figure& f : figures) s += " [" + f.surface + " = " + f.value_text + " " + f.unit + " " + f.qualifier + "]";
  return s.empty() ? " nothing" : s;
}

TEST(FigurePhrases, TheTableMeetsItsFloors) {
  const auto table = rows();
  ASSERT_GE(table.size(), 250u);
  std::map<std::string, std::pair<int, int>> by_category;  // right, total
  int right = 0, negatives = 0, negatives_right = 0;
  for (const Row& r : table) {
    const auto figures = extract_document(r.phrase, test::pack()).figures;
    bool ok;
    if (r.value == "-") {
      ok = figures.empty();
      ++negatives;
      negatives_right += ok;
    } else {
      const double want = std::stod(r.value);
      ok = !figures.empty() && std::fabs(figures[0].value - want) <= 1e-9 * std::max(1.0, std::fabs(want)) &&
           figures[0].unit == r.unit && figures[0].qualifier == r.qualifier;
    }
    if (!ok) std::printf("  miss %-12s %s →%s\n", r.category.c_str(), r.phrase.c_str(), describe(figures).c_str());
    auto& c = by_category[r.category];
    c.first += ok;
    ++c.second;
    right += ok;
  }
  std::printf("%-14s %6s %6s %8s\n", "category", "right", "total", "accuracy");
  for (const auto& [name, c] : by_category)
    std::printf("%-14s %6d %6d %8.3f\n", name.c_str(), c.first, c.second, static_cast<double>(c.first) / c.second);
  const double accuracy = static_cast<double>(right) / table.size();
  std::printf("%-14s %6d %6zu %8.3f\n", "all", right, table.size(), accuracy);
  EXPECT_GE(negatives, 50);
  EXPECT_GE(accuracy, 0.95);
  EXPECT_GE(static_cast<double>(negatives_right) / negatives, 0.95);
}

}  // namespace
}  // namespace bilik
