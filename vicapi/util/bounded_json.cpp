#include "vicapi/util/bounded_json.h"

namespace vic {

nlohmann::json parseJson(std::string_view text, int maxDepth) {
  using nlohmann::json;
  try {
    return json::parse(text, [maxDepth](int depth, json::parse_event_t event, json&) {
      // `depth` counts the containers already open around this one.
      if ((event == json::parse_event_t::object_start ||
           event == json::parse_event_t::array_start) &&
          depth >= maxDepth)
        throw JsonTooDeep("JSON nested deeper than " + std::to_string(maxDepth) + " levels");
      return true;
    });
  } catch (const json::exception& e) {
    throw BadJson(e.what());
  }
}

}  // namespace vic
