// The HTTP transport (Boost.Beast over Asio): the only file of the server that sees sockets.
// Made for hostile networks (docs/server.md "HTTP layer"):
//  - a few I/O threads run every connection asynchronously; route handlers run on a separate
//    worker pool, so a slow analysis or a slow client never holds an I/O thread;
//  - each request has a total deadline for its headers (--read-timeout) and another for its
//    body (--body-timeout), whatever the client trickles;
//  - headers are limited in bytes and count; the token is checked from the headers before a
//    single body byte is read (401, connection closed); bodies are limited to --max-body for
//    every framing; compressed bodies are refused (415), never inflated;
//  - connections per client address are limited; the listen backlog is large; the socket
//    uses SO_REUSEADDR but never SO_REUSEPORT (a second server on the port fails to bind).
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "accord/server/server.hpp"
#include "router.hpp"

namespace accord::server {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr int kListenBacklog = 1024;
constexpr std::size_t kDrainBytes = 4u << 20;  // read and dropped after refusing a request

// Open connections per client address and in total.
class ConnectionCounter {
 public:
  ConnectionCounter(int per_ip, int total) : per_ip_(per_ip), total_limit_(total) {}
  bool acquire(const std::string& ip) {
    std::lock_guard lock(mu_);
    int& n = by_ip_[ip];
    if (n >= per_ip_ || total_ >= total_limit_) {
      if (n == 0) by_ip_.erase(ip);
      return false;
    }
    ++n, ++total_;
    return true;
  }
  void release(const std::string& ip) {
    std::lock_guard lock(mu_);
    const auto it = by_ip_.find(ip);
    if (it == by_ip_.end()) return;
    --total_;
    if (--it->second == 0) by_ip_.erase(it);
  }

 private:
  std::mutex mu_;
  std::unordered_map<std::string, int> by_ip_;
  int per_ip_, total_limit_, total_ = 0;
};

struct Shared {
  Router& router;
  const Options& opts;
  net::thread_pool& workers;
  ConnectionCounter& counter;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Shared shared, std::string ip, bool counted)
      : stream_(std::move(socket)), timer_(stream_.get_executor()), shared_(shared), ip_(std::move(ip)),
        counted_(counted) {}
  ~Session() {
    if (counted_) shared_.counter.release(ip_);
  }

  void start() { net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read_head, shared_from_this())); }

  // Over the connection limit: a 503 and close, without reading the request.
  void refuse() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      self->start_ = Clock::now();
      self->send(self->shared_.router.error(503, "too many connections from your address; retry later"), true);
    });
  }

 private:
  const Options& opts() const { return shared_.opts; }

  // A deadline for the current read: when it passes, the read is cancelled (timed_out_).
  void arm(std::chrono::seconds d) {
    timed_out_ = false;
    const unsigned gen = ++gen_;
    timer_.expires_after(d);
    timer_.async_wait([self = shared_from_this(), gen](beast::error_code ec) {
      if (ec || gen != self->gen_) return;
      self->timed_out_ = true;
      beast::error_code ignored;
      self->stream_.socket().cancel(ignored);
    });
  }
  void disarm() {
    ++gen_;
    timer_.cancel();
  }

  void read_head() {
    head_.emplace();
    head_->header_limit(static_cast<std::uint32_t>(opts().max_header_bytes));
    head_->body_limit(static_cast<std::uint64_t>(opts().max_body_bytes));  // a larger Content-Length: 413 at once
    body_.reset();
    req_ = Request{};
    req_.remote = ip_;
    unread_ = true;
    stream_.expires_never();
    arm(std::chrono::seconds(opts().read_timeout_s));
    http::async_read_header(stream_, buffer_, *head_, beast::bind_front_handler(&Session::on_head, shared_from_this()));
  }

  void on_head(beast::error_code ec, std::size_t) {
    disarm();
    start_ = Clock::now();
    if (ec) return on_read_error(ec, head_->got_some(), "headers", opts().read_timeout_s);
    const auto& h = head_->get();
    std::size_t fields = 0;
    for (auto it = h.begin(); it != h.end(); ++it) ++fields;
    if (fields > opts().max_headers)
      return send(shared_.router.error(431, "more than " + std::to_string(opts().max_headers) + " header fields"), true);
    req_.method = std::string(h.method_string());
    req_.target = std::string(h.target());
    for (const auto& f : h) req_.headers.add(std::string(f.name_string()), std::string(f.value()));
    if (req_.target.empty() || req_.target.front() != '/')
      return send(shared_.router.error(400, "the request target must be a path such as /api/health"), true);
    parse_target(req_.target, req_);
    keep_alive_ = head_->keep_alive();
    Router::Admission a = shared_.router.admit(req_);
    if (a.reject) return send(std::move(*a.reject), true);
    if (head_->is_done()) {
      unread_ = false;
      return dispatch();
    }
    if (!a.wants_body) {  // answer without reading the body, then close
      keep_alive_ = false;
      return dispatch();
    }
    if (beast::iequals(h[http::field::expect], "100-continue")) {
      auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
      stream_.expires_after(std::chrono::seconds(opts().write_timeout_s));
      return http::async_write(stream_, *cont, [self = shared_from_this(), cont](beast::error_code wec, std::size_t) {
        if (wec) return self->close();
        self->read_body();
      });
    }
    read_body();
  }

  void read_body() {
    body_.emplace(std::move(*head_));
    body_->body_limit(static_cast<std::uint64_t>(opts().max_body_bytes));
    stream_.expires_never();
    arm(std::chrono::seconds(opts().body_timeout_s));
    http::async_read(stream_, buffer_, *body_, beast::bind_front_handler(&Session::on_body, shared_from_this()));
  }

  void on_body(beast::error_code ec, std::size_t) {
    disarm();
    if (ec) return on_read_error(ec, true, "body", opts().body_timeout_s);
    req_.body = std::move(body_->get().body());
    body_.reset();
    unread_ = false;
    dispatch();
  }

  void on_read_error(beast::error_code ec, bool got_some, const char* what, int seconds) {
    if (timed_out_) {
      if (!got_some) return close();  // an idle keep-alive connection
      return send(shared_.router.error(408, std::string("the request ") + what + " did not arrive within " +
                                                std::to_string(seconds) + " s"),
                  true);
    }
    if (ec == http::error::end_of_stream || ec == net::error::eof || ec == net::error::connection_reset ||
        ec == net::error::operation_aborted || (!got_some && ec != http::error::header_limit))
      return close();
    if (ec == http::error::header_limit || ec == http::error::buffer_overflow)
      return send(shared_.router.error(431, "the request headers are larger than " +
                                                std::to_string(opts().max_header_bytes) + " bytes"),
                  true);
    if (ec == http::error::body_limit)
      return send(shared_.router.error(413, "the request body is larger than the limit of " +
                                                std::to_string(opts().max_body_bytes) + " bytes"),
                  true);
    if (ec == http::error::bad_content_length || ec == http::error::multiple_content_length)
      return send(shared_.router.error(400, "invalid or conflicting Content-Length"), true);
    if (ec == http::error::partial_message) return close();
    send(shared_.router.error(400, "malformed HTTP request"), true);
  }

  // Health is answered on the I/O thread (it must stay fast when every worker is busy);
  // everything else runs on the worker pool.
  void dispatch() {
    if (req_.path == "/api/health") return send(shared_.router.handle(req_), !keep_alive_);
    net::post(shared_.workers, [self = shared_from_this()] {
      Response res = self->shared_.router.handle(self->req_);
      net::post(self->stream_.get_executor(), [self, res = std::move(res)]() mutable {
        self->send(std::move(res), !self->keep_alive_);
      });
    });
  }

  void send(Response r, bool close_after) {
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start_).count();
    shared_.router.log(req_, r, ms);
    auto res = std::make_shared<http::response<http::string_body>>();
    res->version(11);
    res->result(static_cast<unsigned>(r.status));
    for (const auto& [name, value] : r.headers.fields()) res->set(name, value);
    if (r.status == 204 || r.status == 304) r.body.clear();
    res->body() = std::move(r.body);
    res->keep_alive(!close_after);
    res->prepare_payload();
    stream_.expires_after(std::chrono::seconds(opts().write_timeout_s));
    http::async_write(stream_, *res, [self = shared_from_this(), res, close_after](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      if (close_after && self->unread_) return self->linger_close();
      if (close_after) return self->close();
      self->read_head();
    });
  }

  // Half-close, then read and drop what the client still sends for a moment, so it sees the
  // response instead of a reset; at most kDrainBytes and 2 s.
  void linger_close() {
    stream_.expires_never();
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    drained_ = 0;
    arm(std::chrono::seconds(2));
    drain();
  }
  void drain() {
    stream_.socket().async_read_some(net::buffer(scratch_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->drained_ += n;
      if (ec || self->timed_out_ || self->drained_ > kDrainBytes) {
        self->disarm();
        return self->close();
      }
      self->drain();
    });
  }

  void close() {
    disarm();
    // Free the slot before the client can see the close (the session itself may outlive the
    // socket briefly in a pending handler).
    if (counted_) shared_.counter.release(ip_);
    counted_ = false;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  net::steady_timer timer_;
  Shared shared_;
  std::string ip_;
  bool counted_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::empty_body>> head_;
  std::optional<http::request_parser<http::string_body>> body_;
  Request req_;
  Clock::time_point start_ = Clock::now();
  bool keep_alive_ = false;
  bool unread_ = true;  // part of the request may still be on the wire: close gently
  bool timed_out_ = false;
  unsigned gen_ = 0;
  std::size_t drained_ = 0;
  std::array<char, 16384> scratch_{};
};

}  // namespace

struct Server::Impl {
  explicit Impl(store::Store& store, Options o)
      : router(store, o),
        counter(std::max(1, o.max_connections_per_ip), std::max(1, o.max_connections)),
        ioc(std::max(1, o.io_threads)),
        acceptor(ioc),
        retry(ioc),
        workers(static_cast<std::size_t>(std::max(1, o.threads))) {}

  void accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (!acceptor.is_open()) return;
      if (ec) {  // e.g. out of file descriptors: back off instead of spinning
        retry.expires_after(std::chrono::milliseconds(100));
        retry.async_wait([this](beast::error_code) { accept(); });
        return;
      }
      beast::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);  // else small responses wait for delayed ACKs
      const auto peer = socket.remote_endpoint(ignored);
      std::string ip = ignored ? std::string("?") : peer.address().to_string();
      const bool ok = counter.acquire(ip);
      auto session = std::make_shared<Session>(std::move(socket), Shared{router, router.options(), workers, counter},
                                               std::move(ip), ok);
      if (ok) session->start();
      else session->refuse();
      accept();
    });
  }

  // Destroyed in reverse order: pending work (holding sessions) goes before the io_context
  // its sockets belong to, and everything before the router it calls.
  Router router;
  ConnectionCounter counter;
  net::io_context ioc;
  tcp::acceptor acceptor;
  net::steady_timer retry;
  net::thread_pool workers;
  int port = -1;
};

Server::Server(store::Store& store, Options options) : impl_(std::make_unique<Impl>(store, std::move(options))) {
  const Options& o = impl_->router.options();
  if (!o.static_dir.empty()) {
    if (std::filesystem::is_directory(o.static_dir)) impl_->router.info("serving static files from " + o.static_dir);
    else impl_->router.warn("not serving static files: " + o.static_dir + " is not a directory");
  }
}

Server::~Server() {
  stop();
  impl_->workers.join();
}

Server::Bound Server::bind() {
  const Options& o = impl_->router.options();
  const std::string where = o.host + ":" + std::to_string(o.port);
  beast::error_code ec;
  tcp::resolver resolver(impl_->ioc);
  const auto found = resolver.resolve(o.host, std::to_string(o.port),
                                      tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || found.empty()) {
    return {-1, Outcome::failure(Status::invalid_input,
                                 "cannot listen on " + where + ": cannot resolve the host (" + ec.message() + ")")};
  }
  const tcp::endpoint ep = found.begin()->endpoint();
  tcp::acceptor& a = impl_->acceptor;
  a.open(ep.protocol(), ec);
  if (!ec) a.set_option(net::socket_base::reuse_address(true), ec);  // never SO_REUSEPORT
  if (!ec) a.bind(ep, ec);
  if (!ec) a.listen(kListenBacklog, ec);
  if (ec) {
    beast::error_code ignored;
    a.close(ignored);
    return {-1, Outcome::failure(Status::invalid_input,
                                 "cannot listen on " + where + ": " +
                                     (ec == net::error::address_in_use ? std::string("address already in use")
                                                                        : ec.message()))};
  }
  impl_->port = a.local_endpoint(ec).port();
  impl_->accept();
  return {impl_->port, Outcome::success()};
}

void Server::run() {
  const Options& o = impl_->router.options();
  impl_->router.info("listening on http://" + o.host + ":" + std::to_string(impl_->port));
  auto loop = [this] {
    for (;;) {
      try {
        impl_->ioc.run();
        return;
      } catch (const std::exception& e) {
        impl_->router.warn(std::string("I/O thread: ") + e.what());
      }
    }
  };
  std::vector<std::thread> extra;
  for (int i = 1; i < std::max(1, o.io_threads); ++i) extra.emplace_back(loop);
  loop();
  for (auto& t : extra) t.join();
  impl_->router.info("stopped");
}

void Server::stop() {
  impl_->ioc.stop();
  impl_->workers.stop();
}

int Server::port() const { return impl_->port; }

}  // namespace accord::server
