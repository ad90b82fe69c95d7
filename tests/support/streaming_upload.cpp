#include "tests/support/streaming_upload.h"

#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Timespan.h>

#include <sstream>

#include "vicapi/tls/trust.h"

namespace vic::test {

namespace {

using Poco::Net::Socket;

// What has come back so far. A readable socket is not yet an answer: TLS 1.3
// sends session tickets after the handshake, so only application data counts.
struct Incoming {
  std::string text;
  bool closed = false;

  // Waits up to `wait` for data; true when some came or the peer closed.
  bool poll(Poco::Net::SecureStreamSocket& s, Poco::Timespan wait) {
    if (closed) return true;
    if (!s.poll(wait, Socket::SELECT_READ)) return false;
    char buf[16 * 1024];
    s.setReceiveTimeout(Poco::Timespan(0, 20'000));
    try {
      const int n = s.receiveBytes(buf, sizeof buf);
      if (n <= 0)
        closed = true;
      else
        text.append(buf, static_cast<std::size_t>(n));
      return true;
    } catch (const Poco::TimeoutException&) {
      return false;
    } catch (const Poco::Exception&) {
      closed = true;
      return true;
    }
  }
};

// Reads one answer (head and, by Content-Length, body) into `out`, consuming
// it from `in`. Returns false when none came before the connection ended or
// the time ran out.
bool readAnswer(Poco::Net::SecureStreamSocket& s, Incoming& in, UploadOutcome& out, int seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (true) {
    const auto headEnd = in.text.find("\r\n\r\n");
    if (headEnd != std::string::npos) {
      std::istringstream head(in.text.substr(0, headEnd));
      std::string version;
      head >> version >> out.status;
      std::size_t length = 0;
      if (auto at = in.text.find("Content-Length: "); at != std::string::npos && at < headEnd)
        length = std::stoul(in.text.substr(at + 16));
      if (in.text.size() >= headEnd + 4 + length || in.closed) {
        out.body = in.text.substr(headEnd + 4, length);
        in.text.erase(0, std::min(in.text.size(), headEnd + 4 + length));
        return true;
      }
    }
    if (in.closed || std::chrono::steady_clock::now() >= deadline) return false;
    in.poll(s, Poco::Timespan(0, 200'000));
  }
}

}  // namespace

UploadOutcome sendChunkedBody(const std::string& host, unsigned short port,
                              const tls::Thumbprint& serverThumbprint, const std::string& method,
                              const std::string& path, const Headers& headers, std::uint64_t total,
                              bool expectContinue) {
  tls::ClientTls tls(host, tls::Trust::pin(serverThumbprint));
  Poco::Net::SecureStreamSocket s(Poco::Net::SocketAddress(host, port), host, tls.context());
  s.setSendTimeout(Poco::Timespan(2, 0));
  std::string head = method + " " + path + " HTTP/1.1\r\nHost: " + host +
                     "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n";
  for (const auto& [name, value] : headers)
    head += name + ": " + value + "\r\n";
  if (expectContinue) head += "Expect: 100-continue\r\n";
  head += "\r\n";
  s.sendBytes(head.data(), static_cast<int>(head.size()));

  UploadOutcome out;
  Incoming in;
  if (expectContinue) {
    if (!readAnswer(s, in, out, 5) || out.status != 100) return out;
    out.continued = true;
    out.status = 0;
  }
  std::string chunk = "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
  while (out.bytesSent < total) {
    if (in.poll(s, Poco::Timespan(0))) break;  // an early answer, or closed
    try {
      s.sendBytes(chunk.data(), static_cast<int>(chunk.size()));
      out.bytesSent += 0x10000;
    } catch (const Poco::TimeoutException&) {
      // The server stopped reading: see whether it has answered.
      if (in.poll(s, Poco::Timespan(2, 0))) break;
    } catch (const Poco::Exception&) {
      break;  // closed or reset
    }
  }
  if (out.bytesSent >= total) {
    try {
      s.sendBytes("0\r\n\r\n", 5);
    } catch (const Poco::Exception&) {
    }
  }
  readAnswer(s, in, out, 30);
  return out;
}

}  // namespace vic::test
