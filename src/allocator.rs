//! How the process's allocator hands memory back.

/// Makes glibc's allocator take every block of 128 KiB or more straight from the system and
/// give it back when freed, for the rest of the process.
///
/// By default glibc raises this threshold each time such a block is freed (up to 32 MiB), so
/// that the copies of a large document that each batch of edits makes, and the large vectors
/// of the later stages, end up in the heap, which they fragment: the peak memory of cleaning a
/// 10 MB file was 20% above what the process held at any moment. Call it once, at the start of
/// a program that cleans large files, before any thread starts. Elsewhere it does nothing.
pub fn return_large_blocks_to_the_system() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[allow(unsafe_code)]
    // SAFETY: `mallopt` sets one tuning parameter of the allocator and takes no pointers.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}
