#pragma once

#include "vicapi/base/error.h"
#include "vicapi/engine/model/issues.h"

namespace vic::engine {

// The VCH is not in a state that allows the operation: containers running,
// another upgrade or configure under way, nothing to upgrade to.
class ConflictError : public Error {
 public:
  explicit ConflictError(const std::string& what) : Error(what, ErrorCode::FailedPrecondition) {}
};

// A specification has problems; each issue has its JSON path. `schema` marks
// problems of form (a value that breaks the VCH schema) rather than of
// content. A name taken makes the whole an AlreadyExists.
class InvalidSpecification : public Error {
 public:
  InvalidSpecification(Issues issues, bool schema)
      : Error(
            (schema ? "the request does not match the VCH schema: " : "failed to validate VCH: ") +
                issues.summary(),
            issues.has(IssueCode::AlreadyExists) ? ErrorCode::AlreadyExists
                                                 : ErrorCode::InvalidArgument),
        issues_(std::move(issues)),
        schema_(schema) {}
  const Issues& issues() const { return issues_; }
  bool schema() const { return schema_; }

 private:
  Issues issues_;
  bool schema_;
};

}  // namespace vic::engine
