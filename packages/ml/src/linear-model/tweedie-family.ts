import { InvalidParameterError } from '../core/errors.js';
import { exp } from '../core/math.js';

/** A Tweedie distribution with a link: the half deviance per sample and its derivative in η. */
export interface GlmFamily {
  readonly link: 'identity' | 'log';
  /** Half deviance up to terms constant in η: ℓ(y, η). */
  loss(y: number, eta: number): number;
  /** ∂ℓ/∂η. */
  gradient(y: number, eta: number): number;
  /** Whether y is in the distribution's support. */
  accepts(y: number): boolean;
  /** Description of the support, for errors. */
  readonly support: string;
}

/**
 * Tweedie family with power p: variance ∝ μᵖ (0 normal, 1 Poisson, 2 Gamma, in between
 * compound Poisson–Gamma). With μ = link⁻¹(η), up to terms that do not depend on μ:
 *   ℓ = μ²⁻ᵖ/(2−p) − y·μ¹⁻ᵖ/(1−p),  with the limits μ − y·log μ (p = 1) and y/μ + log μ (p = 2).
 * With a log link that gives ∂ℓ/∂η = μ²⁻ᵖ − y·μ¹⁻ᵖ.
 */
export function tweedieFamily(power: number, link: 'auto' | 'identity' | 'log'): GlmFamily {
  if (!(power === 0 || power >= 1)) {
    throw new InvalidParameterError(`TweedieRegressor: power must be 0 or >= 1, got ${power}`);
  }
  const resolved = link === 'auto' ? (power <= 0 ? 'identity' : 'log') : link;
  const support = power === 0 ? 'any real value' : power < 2 ? 'y >= 0' : 'y > 0';
  const accepts = (y: number): boolean => (power === 0 ? true : power < 2 ? y >= 0 : y > 0);
  if (resolved === 'identity') {
    if (power !== 0) throw new InvalidParameterError(`TweedieRegressor: the identity link needs power 0 here, got ${power}`);
    return { link: 'identity', support, accepts, loss: (y, eta) => 0.5 * (y - eta) ** 2, gradient: (y, eta) => eta - y };
  }
  if (power === 0) {
    return {
      link: 'log',
      support,
      accepts,
      loss: (y, eta) => 0.5 * (y - exp(eta)) ** 2,
      gradient: (y, eta) => (exp(eta) - y) * exp(eta),
    };
  }
  if (power === 1) {
    return { link: 'log', support, accepts, loss: (y, eta) => exp(eta) - y * eta, gradient: (y, eta) => exp(eta) - y };
  }
  if (power === 2) {
    return { link: 'log', support, accepts, loss: (y, eta) => y * exp(-eta) + eta, gradient: (y, eta) => 1 - y * exp(-eta) };
  }
  return {
    link: 'log',
    support,
    accepts,
    loss: (y, eta) => exp((2 - power) * eta) / (2 - power) - (y * exp((1 - power) * eta)) / (1 - power),
    gradient: (y, eta) => exp((2 - power) * eta) - y * exp((1 - power) * eta),
  };
}
