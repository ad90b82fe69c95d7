#pragma once

#include "vicapi/engine/model/issues.h"
#include "vicapi/soap/errors.h"

namespace vic::engine {

// The VCH is not in a state that allows the operation: containers running,
// another upgrade or configure under way, nothing to upgrade to.
class ConflictError : public Error {
 public:
  using Error::Error;
};

// A specification has problems; each issue has its JSON path. `schema` marks
// problems of form (the server answers 422) rather than of content (400).
class InvalidSpecification : public Error {
 public:
  InvalidSpecification(Issues issues, bool schema)
      : Error(
            (schema ? "the request does not match the VCH schema: " : "failed to validate VCH: ") +
            issues.summary()),
        issues_(std::move(issues)),
        schema_(schema) {}
  const Issues& issues() const { return issues_; }
  bool schema() const { return schema_; }

 private:
  Issues issues_;
  bool schema_;
};

}  // namespace vic::engine
