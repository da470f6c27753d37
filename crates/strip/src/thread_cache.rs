//! A value each worker thread keeps from page to page — the caches of pure functions
//! (class/id verdicts, the block rules' verdicts) — taken out for a page and put back
//! when the page is done, so a page never shares it with another thread.

use std::cell::RefCell;
use std::thread::LocalKey;

/// The thread's value, left empty until [`put_back`]; empty when the thread is exiting or
/// the value is out already.
pub(crate) fn take<T: Default>(key: &'static LocalKey<RefCell<T>>) -> T {
    key.try_with(|shared| {
        shared
            .try_borrow_mut()
            .map(|mut value| std::mem::take(&mut *value))
            .unwrap_or_default()
    })
    .unwrap_or_default()
}

/// Gives the thread its value back. (Fails only while the thread is exiting: the value is
/// then dropped.)
pub(crate) fn put_back<T>(key: &'static LocalKey<RefCell<T>>, value: T) {
    let _ = key.try_with(|shared| {
        if let Ok(mut slot) = shared.try_borrow_mut() {
            *slot = value;
        }
    });
}
