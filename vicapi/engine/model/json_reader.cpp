#include "vicapi/engine/model/json_reader.h"

namespace vic::engine {

const nlohmann::json* JsonReader::member(const std::string& key) const {
  if (!node_->is_object()) return nullptr;
  auto it = node_->find(key);
  if (it == node_->end() || it->is_null()) return nullptr;
  return &*it;
}

bool JsonReader::has(const std::string& key) const {
  return member(key) != nullptr;
}

bool JsonReader::hasObject(const std::string& key) const {
  const nlohmann::json* m = member(key);
  return m && m->is_object();
}

std::optional<std::string> JsonReader::bounded(const nlohmann::json& value, const std::string& path,
                                               std::size_t maxLength) const {
  const auto& text = value.get_ref<const std::string&>();
  if (text.size() > maxLength) {
    issues_->add(path, "is " + std::to_string(text.size()) + " characters long; at most " +
                           std::to_string(maxLength) + " are accepted");
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> JsonReader::string(const std::string& key, std::size_t maxLength) const {
  const nlohmann::json* m = member(key);
  if (!m) return std::nullopt;
  if (!m->is_string()) {
    issues_->add(pathOf(key), "must be a string", IssueCode::WrongType);
    return std::nullopt;
  }
  return bounded(*m, pathOf(key), maxLength);
}

std::optional<long long> JsonReader::integer(const std::string& key) const {
  const nlohmann::json* m = member(key);
  if (!m) return std::nullopt;
  if (!m->is_number_integer()) {
    issues_->add(pathOf(key), "must be an integer", IssueCode::WrongType);
    return std::nullopt;
  }
  return m->get<long long>();
}

std::optional<bool> JsonReader::boolean(const std::string& key) const {
  const nlohmann::json* m = member(key);
  if (!m) return std::nullopt;
  if (!m->is_boolean()) {
    issues_->add(pathOf(key), "must be true or false", IssueCode::WrongType);
    return std::nullopt;
  }
  return m->get<bool>();
}

std::optional<JsonReader> JsonReader::object(const std::string& key) const {
  const nlohmann::json* m = member(key);
  if (!m) return std::nullopt;
  if (!m->is_object()) {
    issues_->add(pathOf(key), "must be an object", IssueCode::WrongType);
    return std::nullopt;
  }
  return JsonReader(*m, pathOf(key), *issues_);
}

std::optional<std::string> JsonReader::asString(std::size_t maxLength) const {
  if (node_->is_null()) return std::nullopt;
  if (!node_->is_string()) {
    issues_->add(path_, "must be a string", IssueCode::WrongType);
    return std::nullopt;
  }
  return bounded(*node_, path_, maxLength);
}

}  // namespace vic::engine
