// The one place where the product's error codes become HTTP statuses.
#include <boost/test/unit_test.hpp>

#include "plugin-server/api/error_replies.h"
#include "vicapi/engine/errors.h"
#include "vicapi/net/errors.h"
#include "vicapi/soap/fault.h"

using namespace vic;
using namespace vic::server;

namespace {

template <class E>
ErrorReply replyTo(const E& error) {
  try {
    throw error;
  } catch (...) {
    return replyFor(std::current_exception());
  }
}

ErrorReply replyToFault(const std::string& type) {
  try {
    soap::throwFault("Method", type, "said the server", soap::Node());
  } catch (...) {
    return replyFor(std::current_exception());
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(error_replies)

BOOST_AUTO_TEST_CASE(each_code_has_one_status) {
  BOOST_TEST(statusFor(ErrorCode::InvalidArgument) == 400);
  BOOST_TEST(statusFor(ErrorCode::NotFound) == 404);
  BOOST_TEST(statusFor(ErrorCode::AlreadyExists) == 409);
  BOOST_TEST(statusFor(ErrorCode::FailedPrecondition) == 409);
  BOOST_TEST(statusFor(ErrorCode::Unauthenticated) == 401);
  BOOST_TEST(statusFor(ErrorCode::PermissionDenied) == 403);
  BOOST_TEST(statusFor(ErrorCode::Unavailable) == 502);
  BOOST_TEST(statusFor(ErrorCode::Cancelled) == 503);
  BOOST_TEST(statusFor(ErrorCode::Internal) == 500);
}

BOOST_AUTO_TEST_CASE(errors_of_every_layer_reach_their_status_by_their_code) {
  BOOST_TEST(replyTo(UsageError("bad path")).status == 400);
  BOOST_TEST(replyTo(NotFoundError("no VCH vm-9")).status == 404);
  BOOST_TEST(replyTo(engine::ConflictError("containers are running")).status == 409);
  BOOST_TEST(replyTo(TransportError("refused")).status == 502);
  BOOST_TEST(replyTo(TlsError("untrusted")).status == 400);
  BOOST_TEST(replyTo(ProtocolError("not SOAP")).status == 502);
  BOOST_TEST(replyTo(Error(ErrorCode::Unauthenticated, "token refused")).status == 401);
  BOOST_TEST(replyTo(Cancelled("stopping")).status == 503);
  BOOST_TEST(replyTo(std::runtime_error("bug")).status == 500);

  BOOST_TEST(replyToFault("InvalidLogin").status == 401);
  BOOST_TEST(replyToFault("NoPermission").status == 403);
  BOOST_TEST(replyToFault("ManagedObjectNotFound").status == 404);
  BOOST_TEST(replyToFault("DuplicateName").status == 409);
  BOOST_TEST(replyToFault("SystemError").status == 500);
}

BOOST_AUTO_TEST_CASE(specification_problems_keep_the_1_5_statuses) {
  engine::Issues wrongType;
  wrongType.add("name", "must be a string", engine::IssueCode::WrongType);
  BOOST_TEST(replyTo(engine::InvalidSpecification(wrongType, true)).status == 400);

  engine::Issues pattern;
  pattern.add("name", "is too long");
  BOOST_TEST(replyTo(engine::InvalidSpecification(pattern, true)).status == 422);
  BOOST_TEST(replyTo(engine::InvalidSpecification(pattern, false)).status == 400);

  engine::Issues taken;
  taken.add("name", "a VCH named vch-1 exists", engine::IssueCode::AlreadyExists);
  const auto reply = replyTo(engine::InvalidSpecification(taken, false));
  BOOST_TEST(reply.status == 409);
  BOOST_TEST(reply.body["issues"][0]["code"] == "conflict");
}

BOOST_AUTO_TEST_SUITE_END()
