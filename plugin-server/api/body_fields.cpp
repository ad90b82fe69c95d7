#include "plugin-server/api/body_fields.h"

#include "plugin-server/httpd/http_error.h"

namespace vic::server {

namespace {

const nlohmann::json* member(const nlohmann::json& body, const char* name) {
  if (!body.is_object()) return nullptr;
  auto it = body.find(name);
  return it == body.end() || it->is_null() ? nullptr : &*it;
}

}  // namespace

std::optional<bool> optionalBool(const nlohmann::json& body, const char* name) {
  const auto* m = member(body, name);
  if (!m) return std::nullopt;
  if (!m->is_boolean()) throw HttpError(400, std::string(name) + " in body must be true or false");
  return m->get<bool>();
}

std::optional<std::string> optionalString(const nlohmann::json& body, const char* name,
                                          std::size_t maxLength) {
  const auto* m = member(body, name);
  if (!m) return std::nullopt;
  if (!m->is_string()) throw HttpError(400, std::string(name) + " in body must be a string");
  const auto& s = m->get_ref<const std::string&>();
  if (s.size() > maxLength)
    throw HttpError(422, std::string(name) + " in body is " + std::to_string(s.size()) +
                             " characters long; at most " + std::to_string(maxLength) +
                             " are accepted");
  return s;
}

}  // namespace vic::server
