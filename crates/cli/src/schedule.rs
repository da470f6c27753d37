//! Largest-first scheduling of a batch on the worker pool.
//!
//! A batch ends when its last document is cleaned; until then the other workers wait. The
//! time a page takes grows with its size, and sizes in a crawl are heavy-tailed, so a large
//! page that happens to come last can idle a core for as long as dozens of small ones take.
//! Handing out the largest documents first (longest-processing-time-first) leaves only the
//! small ones for the end of the batch. The results come back in input order all the same.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Maps `items` with `work` on `pool`, largest `size` first; results in input order.
pub(crate) fn map_largest_first<T, R>(
    pool: &rayon::ThreadPool,
    items: Vec<T>,
    size: impl Fn(&T) -> u64,
    work: impl Fn(T) -> R + Sync,
) -> Vec<R>
where
    T: Send,
    R: Send,
{
    let count = items.len();
    let mut queue: Vec<(usize, T)> = items.into_iter().enumerate().collect();
    // Stable: equal sizes keep input order, so the hand-out order is deterministic (the
    // output does not depend on it either way).
    queue.sort_by_key(|(_, item)| std::cmp::Reverse(size(item)));
    let queue: Vec<Mutex<Option<(usize, T)>>> = queue
        .into_iter()
        .map(|slot| Mutex::new(Some(slot)))
        .collect();
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(count));
    let workers = pool.current_num_threads().clamp(1, count.max(1));
    pool.scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|_| {
                let mut mine = Vec::new();
                loop {
                    let at = next.fetch_add(1, Ordering::Relaxed);
                    let Some(slot) = queue.get(at) else { break };
                    let taken = slot.lock().unwrap_or_else(|e| e.into_inner()).take();
                    if let Some((index, item)) = taken {
                        mine.push((index, work(item)));
                    }
                }
                done.lock().unwrap_or_else(|e| e.into_inner()).extend(mine);
            });
        }
    });
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    done.sort_unstable_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool")
    }

    #[test]
    fn results_keep_input_order_for_any_pool_size() {
        let items: Vec<u64> = (0..300).map(|n| (n * 7919) % 101).collect();
        let expected: Vec<u64> = items.iter().map(|n| n * 2 + 1).collect();
        for threads in [1, 2, 3, 8] {
            let got = map_largest_first(&pool(threads), items.clone(), |n| *n, |n| n * 2 + 1);
            assert_eq!(got, expected, "{threads} threads");
        }
    }

    #[test]
    fn one_thread_works_largest_first() {
        let order = Mutex::new(Vec::new());
        let items = vec![3u64, 9, 1, 9, 5];
        map_largest_first(
            &pool(1),
            items.into_iter().enumerate().collect(),
            |(_, n)| *n,
            |(i, _)| order.lock().unwrap().push(i),
        );
        // Sizes 9, 9 (input order kept between equals), 5, 3, 1.
        assert_eq!(order.into_inner().unwrap(), vec![1, 3, 4, 0, 2]);
    }

    #[test]
    fn empty_batch() {
        let got: Vec<u8> = map_largest_first(&pool(2), Vec::<u8>::new(), |_| 0, |n| n);
        assert!(got.is_empty());
    }
}
