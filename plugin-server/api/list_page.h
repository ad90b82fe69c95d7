#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "plugin-server/httpd/exchange.h"

namespace vic::server {

// One page of a list as Clarity's server-driven datagrid asks for it, so that
// a large inventory is neither sent nor probed whole: `page` (from 1) and
// `page_size`, `sort` (a member; "-" first for descending) and `filter`, a
// JSON object of member to text (each matched case-insensitively, anywhere).
// Without page_size the whole list comes as 1.5's clients expect it.
struct ListPage {
  std::size_t page = 1;
  std::size_t size = 0;  // 0: the whole list
  std::string sortBy;
  bool descending = false;
  std::vector<std::pair<std::string, std::string>> filters;

  bool paged() const { return size > 0; }
};

// Reads the query; a bad value is a 422 that says what is expected.
ListPage listPageOf(const Exchange& ex);

struct Page {
  nlohmann::json items;  // the page's items, in order
  std::size_t total;     // how many match the filters, on every page
};

// Filters, sorts (stably; numbers as numbers) and cuts `items`, an array of
// objects.
Page applyPage(nlohmann::json items, const ListPage& page);

}  // namespace vic::server
