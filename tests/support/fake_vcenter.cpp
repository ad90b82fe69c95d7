#include "tests/support/fake_vcenter.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/StreamCopier.h>

#include "vicapi/crypto/certificates.h"
#include "vicapi/tls/init.h"

namespace vic::test {

namespace {

constexpr const char* kHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><soapenv:Body>";
constexpr const char* kTail = "</soapenv:Body></soapenv:Envelope>";

std::string response(const std::string& method, const std::string& inner) {
  return std::string(kHead) + "<" + method + "Response xmlns=\"urn:vim25\">" + inner + "</" +
         method + "Response>" + kTail;
}

std::string serviceContent() {
  return "<returnval>"
         "<rootFolder type=\"Folder\">group-d1</rootFolder>"
         "<propertyCollector type=\"PropertyCollector\">propertyCollector</propertyCollector>"
         "<viewManager type=\"ViewManager\">ViewManager</viewManager>"
         "<about><name>VMware vCenter Server</name><fullName>Not a vCenter</fullName>"
         "<apiType>VirtualCenter</apiType><apiVersion>8.0.0.0</apiVersion>"
         "<instanceUuid>00000000-0000-0000-0000-00000000fa6e</instanceUuid></about>"
         "<sessionManager type=\"SessionManager\">SessionManager</sessionManager>"
         "<extensionManager type=\"ExtensionManager\">ExtensionManager</extensionManager>"
         "</returnval>";
}

// A record of many appliances, each claiming a port that never answers. One
// summary is JSON nested far deeper than anything sane.
std::string manyAppliances(unsigned short silentPort, int count) {
  std::string out =
      "<returnval><description><label>VIC</label><summary>x</summary></description>"
      "<key>com.vmware.vic</key><version>1.6.0.1</version>";
  for (int i = 0; i < count; ++i) {
    std::string summary =
        "{&quot;id&quot;:&quot;a" + std::to_string(i) +
        "&quot;,&quot;version&quot;:&quot;v1.6.0-1-abcdef0&quot;,"
        "&quot;plugin_version&quot;:&quot;1.6.0.1&quot;,&quot;sha256&quot;:&quot;" +
        std::string(64, 'a') + "&quot;}";
    if (i == 0) summary = std::string(100'000, '[');
    out += "<server><url>https://127.0.0.1:" + std::to_string(silentPort) +
           "/</url><description><label>VIC appliance</label><summary>" + summary +
           "</summary></description><company>VMware</company><type>VIC_APPLIANCE-a" +
           std::to_string(i) + "</type><serverThumbprint>" + std::string(64, 'a') +
           "</serverThumbprint></server>";
  }
  return out + "<lastHeartbeatTime>2026-01-01T00:00:00Z</lastHeartbeatTime></returnval>";
}

std::string methodOf(const std::string& body) {
  auto at = body.find("Body>");
  if (at == std::string::npos) return "";
  at = body.find('<', at);
  auto end = body.find_first_of(" />", at + 1);
  return at == std::string::npos ? "" : body.substr(at + 1, end - at - 1);
}

}  // namespace

class FakeVcenter::Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(FakeVcenter& owner) : owner_(owner) {}

  void handleRequest(Poco::Net::HTTPServerRequest& req,
                     Poco::Net::HTTPServerResponse& res) override {
    std::string body;
    Poco::StreamCopier::copyToString(req.stream(), body);
    const std::string method = methodOf(body);
    {
      std::lock_guard lock(owner_.mutex_);
      ++owner_.calls_[method];
    }
    res.setContentType("text/xml; charset=utf-8");
    res.set("Set-Cookie", "vmware_soap_session=\"fake-session\"; Path=/; HttpOnly; Secure");
    const Hostility h = owner_.hostility_;
    if (h == Hostility::EndlessTokens &&
        (method == "RetrievePropertiesEx" || method == "ContinueRetrievePropertiesEx"))
      return send(res,
                  response(method, "<returnval><token>page-" + std::to_string(++owner_.token_) +
                                       "</token></returnval>"));
    if (h == Hostility::ManyAppliances && method == "FindExtension")
      return send(res, response(method, manyAppliances(owner_.silentPort(), owner_.appliances_)));
    if (method == owner_.method_ && h != Hostility::None && h != Hostility::EndlessTokens &&
        h != Hostility::ManyAppliances)
      return hostile(res, method, h);
    send(res, ordinary(method));
  }

 private:
  static void send(Poco::Net::HTTPServerResponse& res, const std::string& text, int status = 200) {
    res.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    res.setContentLength(static_cast<std::streamsize>(text.size()));
    res.send() << text;
  }

  static std::string ordinary(const std::string& method) {
    if (method == "RetrieveServiceContent") return response(method, serviceContent());
    if (method == "Login")
      return response(method,
                      "<returnval><key>fake-key</key><userName>anyone</userName>"
                      "<fullName>Anyone</fullName></returnval>");
    if (method == "CreateContainerView")
      return response(method, "<returnval type=\"ContainerView\">session[fake]view-1</returnval>");
    if (method == "RetrievePropertiesEx" || method == "FindExtension" || method == "DestroyView" ||
        method == "Logout")
      return response(method, "");
    return std::string(kHead) +
           "<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>" + method +
           " is not here</faultstring><detail><NotImplementedFault xmlns=\"urn:vim25\" "
           "xsi:type=\"NotImplemented\"/></detail></soapenv:Fault>" +
           kTail;
  }

  // Streams the answer in pieces until the peer stops reading (or, for the
  // huge one, 2 GiB have gone).
  static void hostile(Poco::Net::HTTPServerResponse& res, const std::string& method, Hostility h) {
    res.setChunkedTransferEncoding(true);
    std::ostream& out = res.send();
    out << kHead << "<" << method << "Response xmlns=\"urn:vim25\"><returnval><objects>";
    std::string piece;
    if (h == Hostility::DeepAnswer) {
      for (int i = 0; i < 100'000; ++i)
        piece += "<a>";
      for (int i = 0; i < 10 && out; ++i)
        out << piece;
      return;  // a million elements open; the document just stops there
    }
    out << "<obj type=\"VirtualMachine\">vm-1</obj><propSet><name>name</name><val>";
    piece.assign(64 * 1024, 'x');
    const long long pieces = h == Hostility::HugeAnswer ? (2LL << 30) / (64 * 1024) : -1;
    for (long long i = 0; (pieces < 0 || i < pieces) && out; ++i)
      out << piece;
    out << "</val></propSet></objects></returnval></" << method << "Response>" << kTail;
  }

  FakeVcenter& owner_;
};

FakeVcenter::FakeVcenter(const std::filesystem::path& workDir, Hostility hostility,
                         std::string method, int appliances)
    : hostility_(hostility), method_(std::move(method)), appliances_(appliances) {
  tls::ensureInitialised();
  std::filesystem::create_directories(workDir);
  crypto::CertificateRequest cr;
  cr.commonName = "127.0.0.1";
  cr.ipAddresses = {"127.0.0.1"};
  cr.serverAuth = true;
  auto kc = crypto::selfSigned(cr);
  crypto::writeCertificate(workDir / "fake.crt", kc.certificatePem);
  crypto::writePrivateKey(workDir / "fake.key", kc.privateKeyPem);
  sha1_ = tls::Thumbprint::ofPem(kc.certificatePem, tls::DigestKind::Sha1);

  Poco::Net::Context::Params params;
  params.certificateFile = (workDir / "fake.crt").string();
  params.privateKeyFile = (workDir / "fake.key").string();
  params.verificationMode = Poco::Net::Context::VERIFY_NONE;
  Poco::Net::Context::Ptr context =
      new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
  Poco::Net::SecureServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0), 64, context);
  port_ = socket.address().port();
  // Listens but never accepts: a connection is made and nothing ever answers.
  silent_ = std::make_unique<Poco::Net::ServerSocket>(Poco::Net::SocketAddress("127.0.0.1", 0), 1);

  struct Factory : Poco::Net::HTTPRequestHandlerFactory {
    explicit Factory(FakeVcenter& o) : owner(o) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest&) override {
      return new Handler(owner);
    }
    FakeVcenter& owner;
  };
  auto* params2 = new Poco::Net::HTTPServerParams;
  params2->setMaxThreads(16);
  server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), socket, params2);
  server_->start();
}

FakeVcenter::~FakeVcenter() {
  server_->stopAll(true);
}

std::string FakeVcenter::target() const {
  return "127.0.0.1:" + std::to_string(port_);
}

int FakeVcenter::calls(const std::string& method) const {
  std::lock_guard lock(mutex_);
  auto it = calls_.find(method);
  return it == calls_.end() ? 0 : it->second;
}

unsigned short FakeVcenter::silentPort() const {
  return silent_->address().port();
}

}  // namespace vic::test
