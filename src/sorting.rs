//! Sorting by a number, through one sort of `(f64, usize)` pairs.
//!
//! The standard library's sorts are compiled anew for every element type and comparison: nine call sites
//! made nine copies of ~4 kB of wasm each, which the page downloads and compiles while it loads. Sorting
//! numbers keyed by position instead needs one copy, and the position as the tie-break makes it stable.
//! (The SGD sampler keeps its own sort of indices: it runs at every step, where the detour would cost.)

/// The positions of `keys` from the smallest key to the largest (`f64::total_cmp`; equal keys keep their order).
fn ascending_order(keys: impl IntoIterator<Item = f64>) -> Vec<usize> {
    let mut numbered: Vec<(f64, usize)> = keys.into_iter().zip(0..).collect();
    numbered.sort_unstable_by(|(a, i), (b, j)| a.total_cmp(b).then(i.cmp(j)));
    numbered.into_iter().map(|(_, position)| position).collect()
}

/// Sorts `items` by `key` ascending, keeping items with equal keys in the order they came in.
pub(crate) fn sort_by_number<T>(items: &mut Vec<T>, key: impl Fn(&T) -> f64) {
    let order = ascending_order(items.iter().map(key));
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|position| slots.get_mut(position).and_then(Option::take)),
    );
}

/// Sorts numbers ascending by `f64::total_cmp`.
pub(crate) fn sort_numbers(values: &mut Vec<f64>) {
    sort_by_number(values, |&value| value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut words = vec!["pear", "fig", "plum", "kiwi", "date", "lime", "yam"];
        sort_by_number(&mut words, |word| word.len() as f64);
        assert_eq!(
            words,
            ["fig", "yam", "pear", "plum", "kiwi", "date", "lime"]
        );
    }

    #[test]
    fn numbers_sort_in_total_order() {
        let mut values = vec![
            3.0,
            -0.0,
            f64::INFINITY,
            -2.5,
            0.0,
            f64::NEG_INFINITY,
            1e-300,
        ];
        sort_numbers(&mut values);
        assert_eq!(
            values.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            [
                f64::NEG_INFINITY,
                -2.5,
                -0.0,
                0.0,
                1e-300,
                3.0,
                f64::INFINITY
            ]
            .map(f64::to_bits)
        );
        assert_eq!(ascending_order([2.0, 1.0, 2.0, 0.5]), [3, 1, 0, 2]);
    }
}
