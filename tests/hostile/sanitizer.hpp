#pragma once
// Whether this test binary runs under AddressSanitizer: GCC defines __SANITIZE_ADDRESS__, clang
// answers __has_feature(address_sanitizer) instead. Memory ceilings allow for ASan's shadow
// memory and allocator caches.
#if defined(__SANITIZE_ADDRESS__)
#define ACCORD_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ACCORD_TEST_ASAN 1
#endif
#endif
