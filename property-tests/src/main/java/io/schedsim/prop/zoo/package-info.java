/** The bug zoo: wrong model components plugged in through the model's interfaces. */
package io.schedsim.prop.zoo;
