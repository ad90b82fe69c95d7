#include <boost/test/unit_test.hpp>

#include "vicapi/soap/fault.h"
#include "vicapi/soap/xml_reader.h"

using namespace vic;
using soap::parseXml;

namespace {

soap::Node faultOf(const std::string& body) {
  return parseXml(
             "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
             "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>" +
             body + "</soapenv:Body></soapenv:Envelope>")
      .at("Body")
      .at("Fault");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(faults)

BOOST_AUTO_TEST_CASE(soap_fault_becomes_typed_error_with_server_message) {
  auto f = faultOf(
      "<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>Login "
      "failure</faultstring>"
      "<detail><InvalidLoginFault xmlns=\"urn:vim25\" "
      "xsi:type=\"InvalidLogin\"></InvalidLoginFault>"
      "</detail></soapenv:Fault>");
  try {
    soap::throwSoapFault("Login", f);
    BOOST_FAIL("no throw");
  } catch (const InvalidLoginFault& e) {
    BOOST_TEST(e.faultType() == "InvalidLogin");
    BOOST_TEST(e.serverMessage() == "Login failure");
    BOOST_TEST(std::string(e.what()) == "Login: InvalidLogin: Login failure");
  }
}

BOOST_AUTO_TEST_CASE(fault_type_comes_from_element_name_without_xsi_type) {
  auto f = faultOf(
      "<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring></faultstring>"
      "<detail><NotAuthenticatedFault xmlns=\"urn:vim25\"><object type=\"Folder\">group-d1</object>"
      "</NotAuthenticatedFault></detail></soapenv:Fault>");
  BOOST_CHECK_THROW(soap::throwSoapFault("RetrievePropertiesEx", f), NotAuthenticatedFault);
  // NotAuthenticated is a NoPermission in vim25, and so it is here.
  BOOST_CHECK_THROW(soap::throwSoapFault("RetrievePropertiesEx", f), NoPermissionFault);
}

BOOST_AUTO_TEST_CASE(empty_server_message_is_replaced_by_the_fault_fields) {
  auto f = faultOf(
      "<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring></faultstring><detail>"
      "<InvalidArgumentFault xmlns=\"urn:vim25\" "
      "xsi:type=\"InvalidArgument\"><invalidProperty>token"
      "</invalidProperty></InvalidArgumentFault></detail></soapenv:Fault>");
  try {
    soap::throwSoapFault("ContinueRetrievePropertiesEx", f);
    BOOST_FAIL("no throw");
  } catch (const InvalidArgumentFault& e) {
    BOOST_TEST(std::string(e.what()).find("invalidProperty token") != std::string::npos);
    BOOST_TEST(e.detail().textOf("invalidProperty") == "token");
  }
}

BOOST_AUTO_TEST_CASE(known_fault_types_map_to_their_classes) {
  auto check = [](const char* type, auto tag) {
    using T = decltype(tag);
    BOOST_CHECK_THROW(soap::throwFault("x", type, "m", soap::Node()), T);
  };
  check("DuplicateName", DuplicateNameFault("", "", {}, ""));
  check("ManagedObjectNotFound", ManagedObjectNotFoundFault("", "", {}, ""));
  check("InvalidPowerState", InvalidStateFault("", "", {}, ""));
  check("InvalidState", InvalidStateFault("", "", {}, ""));
  check("FileNotFound", FileFaultBase("", "", {}, ""));
  check("FileAlreadyExists", FileAlreadyExistsFault("", "", {}, ""));
  check("MethodNotFound", InvalidRequestFault("", "", {}, ""));
  check("NotFound", NotFoundFault("", "", {}, ""));
  // An unknown type is still a VimFault carrying its name.
  try {
    soap::throwFault("x", "HostConfigFault", "", soap::Node());
  } catch (const VimFault& e) {
    BOOST_TEST(e.faultType() == "HostConfigFault");
  }
}

BOOST_AUTO_TEST_CASE(task_error_reads_localized_method_fault) {
  auto err = parseXml(
      "<val xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:type=\"LocalizedMethodFault\">"
      "<fault xsi:type=\"InvalidPowerState\"><requestedState>poweredOff</requestedState>"
      "<existingState>poweredOff</existingState></fault>"
      "<localizedMessage>*types.InvalidPowerState</localizedMessage></val>");
  try {
    soap::throwMethodFault("PowerOffVM_Task", err);
    BOOST_FAIL("no throw");
  } catch (const InvalidPowerStateFault& e) {
    // vcsim's Go type name is not a message and is dropped.
    BOOST_TEST(std::string(e.what()).find("*types") == std::string::npos);
    BOOST_TEST(std::string(e.what()).find("PowerOffVM_Task: InvalidPowerState") == 0);
  }
}

BOOST_AUTO_TEST_SUITE_END()
