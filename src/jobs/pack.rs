//! Results cross from the worker to the page as one array of numbers: written in order by [`Packer`] and
//! read back in the same order by [`Unpacker`], which refuses anything that does not fit what it expects.
//! Every count, index and flag is a small whole number, exact in an f64.

/// Writes numbers one after another.
#[derive(Debug, Default)]
pub struct Packer(Vec<f64>);

impl Packer {
    /// Starts a report with its tag (which kind of report follows).
    pub fn tagged(tag: usize) -> Packer {
        Packer(vec![tag as f64])
    }

    pub fn number(&mut self, value: f64) -> &mut Packer {
        self.0.push(value);
        self
    }

    pub fn count(&mut self, value: usize) -> &mut Packer {
        self.number(value as f64)
    }

    pub fn flag(&mut self, value: bool) -> &mut Packer {
        self.number(if value { 1.0 } else { 0.0 })
    }

    /// `value`'s position in `all` (−1 when it is not there).
    pub fn index_in<T: PartialEq>(&mut self, value: &T, all: &[T]) -> &mut Packer {
        let index = all.iter().position(|v| v == value);
        self.number(index.map_or(-1.0, |i| i as f64))
    }

    /// An optional number: NaN stands for none (the numbers packed this way are never NaN themselves).
    pub fn optional(&mut self, value: Option<f64>) -> &mut Packer {
        self.number(value.unwrap_or(f64::NAN))
    }

    /// A length, then the numbers.
    pub fn numbers(&mut self, values: &[f64]) -> &mut Packer {
        self.count(values.len());
        self.0.extend_from_slice(values);
        self
    }

    pub fn finish(self) -> Vec<f64> {
        self.0
    }
}

/// Reads what a [`Packer`] wrote; every read is `None` when the numbers run out or do not fit.
#[derive(Debug)]
pub struct Unpacker<'a> {
    rest: &'a [f64],
}

impl<'a> Unpacker<'a> {
    pub fn new(packed: &'a [f64]) -> Unpacker<'a> {
        Unpacker { rest: packed }
    }

    pub fn number(&mut self) -> Option<f64> {
        let (first, rest) = self.rest.split_first()?;
        self.rest = rest;
        Some(*first)
    }

    /// A whole number from 0 to 10⁹.
    pub fn count(&mut self) -> Option<usize> {
        let value = self.number()?;
        (value.fract() == 0.0 && (0.0..=1e9).contains(&value)).then_some(value as usize)
    }

    pub fn flag(&mut self) -> Option<bool> {
        match self.count()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    /// An entry of `all` by its position.
    pub fn index_in<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        all.get(self.count()?).copied()
    }

    pub fn optional(&mut self) -> Option<Option<f64>> {
        let value = self.number()?;
        Some((!value.is_nan()).then_some(value))
    }

    pub fn numbers(&mut self) -> Option<Vec<f64>> {
        let length = self.count()?;
        if length > self.rest.len() {
            return None;
        }
        let (values, rest) = self.rest.split_at(length);
        self.rest = rest;
        Some(values.to_vec())
    }

    /// Succeeds only when everything was read.
    pub fn end(self) -> Option<()> {
        self.rest.is_empty().then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_packed_reads_back_in_order() {
        let mut packer = Packer::tagged(3);
        packer
            .number(-1e-300)
            .count(7)
            .flag(true)
            .index_in(&'b', &['a', 'b'])
            .optional(None)
            .optional(Some(2.5))
            .numbers(&[1.0, f64::INFINITY]);
        let packed = packer.finish();
        let mut read = Unpacker::new(&packed);
        assert_eq!(read.count(), Some(3));
        assert_eq!(read.number(), Some(-1e-300));
        assert_eq!(read.count(), Some(7));
        assert_eq!(read.flag(), Some(true));
        assert_eq!(read.index_in(&['a', 'b']), Some('b'));
        assert_eq!(read.optional(), Some(None));
        assert_eq!(read.optional(), Some(Some(2.5)));
        assert_eq!(read.numbers(), Some(vec![1.0, f64::INFINITY]));
        assert_eq!(read.end(), Some(()));
    }

    #[test]
    fn what_does_not_fit_is_refused() {
        assert_eq!(Unpacker::new(&[]).number(), None);
        assert_eq!(Unpacker::new(&[0.5]).count(), None);
        assert_eq!(Unpacker::new(&[-1.0]).count(), None);
        assert_eq!(Unpacker::new(&[2.0]).flag(), None);
        assert_eq!(Unpacker::new(&[2.0]).index_in(&[1, 2]), None);
        assert_eq!(Unpacker::new(&[3.0, 1.0, 2.0]).numbers(), None);
        assert_eq!(Unpacker::new(&[1.0]).end(), None);
    }
}
