#pragma once
// A std::vector indexed only by one strong index type (ids.hpp): `parties[p]` takes a PartyIndex,
// so an IssueIndex or a raw size_t given by mistake does not compile.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <utility>
#include <vector>

namespace accord {

// The indices 0 .. n-1 of an IndexedVector, as Index values (for range-for).
template <class Index>
class IndexRange {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Index;
    using difference_type = std::ptrdiff_t;
    using pointer = const Index*;
    using reference = Index;
    constexpr iterator() = default;
    constexpr explicit iterator(std::int32_t v) : v_(v) {}
    constexpr Index operator*() const { return Index(v_); }
    constexpr iterator& operator++() { ++v_; return *this; }
    constexpr iterator operator++(int) { iterator old = *this; ++v_; return old; }
    constexpr bool operator==(const iterator&) const = default;

   private:
    std::int32_t v_ = 0;
  };

  constexpr explicit IndexRange(std::size_t n) : n_(static_cast<std::int32_t>(n)) {}
  [[nodiscard]] constexpr iterator begin() const { return iterator(0); }
  [[nodiscard]] constexpr iterator end() const { return iterator(n_); }
  [[nodiscard]] constexpr std::size_t size() const { return static_cast<std::size_t>(n_); }

 private:
  std::int32_t n_ = 0;
};

template <class Index, class T>
class IndexedVector {
 public:
  using index_type = Index;
  using value_type = T;
  using size_type = std::size_t;
  using reference = T&;
  using const_reference = const T&;
  using iterator = typename std::vector<T>::iterator;
  using const_iterator = typename std::vector<T>::const_iterator;

  IndexedVector() = default;
  explicit IndexedVector(size_type n) : v_(n) {}
  IndexedVector(size_type n, const T& value) : v_(n, value) {}
  IndexedVector(std::initializer_list<T> init) : v_(init) {}
  explicit IndexedVector(std::vector<T> v) : v_(std::move(v)) {}

  // Only the strong index: no size_t, no other id type.
  [[nodiscard]] T& operator[](Index i) { return v_[i.get()]; }
  [[nodiscard]] const T& operator[](Index i) const { return v_[i.get()]; }
  [[nodiscard]] T& at(Index i) { return v_.at(i.get()); }
  [[nodiscard]] const T& at(Index i) const { return v_.at(i.get()); }
  // True when i names an element (valid and below size()).
  [[nodiscard]] bool contains(Index i) const { return i.valid() && i.get() < v_.size(); }

  [[nodiscard]] size_type size() const { return v_.size(); }
  [[nodiscard]] bool empty() const { return v_.empty(); }
  [[nodiscard]] IndexRange<Index> indices() const { return IndexRange<Index>(v_.size()); }
  // The index the next push_back will get.
  [[nodiscard]] Index next_index() const { return Index(v_.size()); }

  [[nodiscard]] iterator begin() { return v_.begin(); }
  [[nodiscard]] iterator end() { return v_.end(); }
  [[nodiscard]] const_iterator begin() const { return v_.begin(); }
  [[nodiscard]] const_iterator end() const { return v_.end(); }
  [[nodiscard]] const_iterator cbegin() const { return v_.cbegin(); }
  [[nodiscard]] const_iterator cend() const { return v_.cend(); }
  [[nodiscard]] T& front() { return v_.front(); }
  [[nodiscard]] const T& front() const { return v_.front(); }
  [[nodiscard]] T& back() { return v_.back(); }
  [[nodiscard]] const T& back() const { return v_.back(); }

  void push_back(const T& value) { v_.push_back(value); }
  void push_back(T&& value) { v_.push_back(std::move(value)); }
  template <class... Args>
  T& emplace_back(Args&&... args) { return v_.emplace_back(std::forward<Args>(args)...); }
  void reserve(size_type n) { v_.reserve(n); }
  void resize(size_type n) { v_.resize(n); }
  void resize(size_type n, const T& value) { v_.resize(n, value); }
  void assign(size_type n, const T& value) { v_.assign(n, value); }
  void clear() { v_.clear(); }
  void pop_back() { v_.pop_back(); }
  iterator erase(const_iterator pos) { return v_.erase(pos); }
  iterator erase(const_iterator first, const_iterator last) { return v_.erase(first, last); }
  template <class... Args>
  iterator insert(const_iterator pos, Args&&... args) { return v_.insert(pos, std::forward<Args>(args)...); }

  // The plain vector, for code that is positional by nature (sorting, algorithms, APIs taking
  // std::vector).
  [[nodiscard]] const std::vector<T>& vector() const { return v_; }
  [[nodiscard]] std::vector<T>& vector() { return v_; }

  bool operator==(const IndexedVector&) const = default;

 private:
  std::vector<T> v_;
};

}  // namespace accord
