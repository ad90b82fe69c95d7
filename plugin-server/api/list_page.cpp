#include "plugin-server/api/list_page.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string_view>

#include "plugin-server/httpd/http_error.h"
#include "vicapi/util/bounded_json.h"

namespace vic::server {

namespace {

constexpr std::size_t kMaxPageSize = 1000;
constexpr std::size_t kMaxFilter = 4096;

std::size_t positive(const std::optional<std::string>& text, const char* name, std::size_t max) {
  std::size_t n = 0;
  const auto* end = text->data() + text->size();
  const auto [p, ec] = std::from_chars(text->data(), end, n);
  if (ec != std::errc() || p != end || n < 1 || n > max)
    throw HttpError(422, std::string(name) + " in query must be a whole number from 1 to " +
                             std::to_string(max));
  return n;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// A member as text for matching: strings as they are, other scalars as JSON.
std::string textOf(const nlohmann::json& item, const std::string& member) {
  auto it = item.find(member);
  if (it == item.end() || it->is_null()) return {};
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// Compares without copying: a sort of a long list makes many comparisons.
bool lessIgnoringCase(std::string_view a, std::string_view b) {
  return std::lexicographical_compare(
      a.begin(), a.end(), b.begin(), b.end(),
      [](unsigned char x, unsigned char y) { return std::tolower(x) < std::tolower(y); });
}

bool before(const nlohmann::json& a, const nlohmann::json& b, const std::string& member) {
  auto x = a.find(member);
  auto y = b.find(member);
  const bool hasX = x != a.end() && !x->is_null();
  const bool hasY = y != b.end() && !y->is_null();
  if (!hasX || !hasY) return hasX && !hasY;  // what has no value goes last
  if (x->is_number() && y->is_number()) return x->get<double>() < y->get<double>();
  if (x->is_string() && y->is_string())
    return lessIgnoringCase(x->get_ref<const std::string&>(), y->get_ref<const std::string&>());
  return lessIgnoringCase(textOf(a, member), textOf(b, member));
}

}  // namespace

ListPage listPageOf(const Exchange& ex) {
  ListPage p;
  if (auto size = ex.query("page_size")) p.size = positive(size, "page_size", kMaxPageSize);
  if (auto page = ex.query("page")) p.page = positive(page, "page", SIZE_MAX / kMaxPageSize);
  if (auto sort = ex.query("sort"); sort && !sort->empty()) {
    p.descending = sort->front() == '-';
    p.sortBy = p.descending ? sort->substr(1) : *sort;
  }
  if (auto filter = ex.query("filter"); filter && !filter->empty()) {
    nlohmann::json f;
    try {
      if (filter->size() > kMaxFilter) throw BadJson("longer than any filter");
      f = parseJson(*filter);
    } catch (const std::exception& e) {
      throw HttpError(
          422, std::string("filter in query must be a JSON object of member to text: ") + e.what());
    }
    if (!f.is_object())
      throw HttpError(422, "filter in query must be a JSON object of member to text");
    for (auto it = f.begin(); it != f.end(); ++it) {
      if (!it->is_string()) throw HttpError(422, "filter." + it.key() + " in query must be text");
      p.filters.emplace_back(it.key(), lower(it->get<std::string>()));
    }
  }
  return p;
}

Page applyPage(nlohmann::json items, const ListPage& page) {
  nlohmann::json kept = nlohmann::json::array();
  for (auto& item : items) {
    const bool matches = std::all_of(page.filters.begin(), page.filters.end(), [&](const auto& f) {
      return lower(textOf(item, f.first)).find(f.second) != std::string::npos;
    });
    if (matches) kept.push_back(std::move(item));
  }
  if (!page.sortBy.empty()) {
    std::stable_sort(kept.begin(), kept.end(), [&](const auto& a, const auto& b) {
      return page.descending ? before(b, a, page.sortBy) : before(a, b, page.sortBy);
    });
  }
  const std::size_t total = kept.size();
  if (!page.paged()) return {std::move(kept), total};
  nlohmann::json out = nlohmann::json::array();
  const std::size_t from = std::min(total, (page.page - 1) * page.size);
  const std::size_t to = std::min(total, from + page.size);
  for (std::size_t i = from; i < to; ++i)
    out.push_back(std::move(kept[i]));
  return {std::move(out), total};
}

}  // namespace vic::server
